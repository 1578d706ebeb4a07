# Tidings as a container.
#   docker build -t tidings .
#   docker run -v "$PWD/my-articles:/content" -p 8080:8080 tidings
# docs/deployment.md, "Container", explains every choice; ContainerEntrypointIT runs the ENTRYPOINT
# and the HEALTHCHECK below as they are written, against the jar that `mvn verify` builds.

# ---- build: Maven with a JDK 17 ----
FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /build
# The dependencies get a layer of their own, rebuilt only when pom.xml changes.
COPY pom.xml ./
RUN mvn -B -q dependency:go-offline
COPY src ./src
RUN mvn -B -q -DskipTests package

# ---- run: a Java 17 JRE, no JDK, no Maven ----
FROM eclipse-temurin:17-jre
RUN groupadd --system --gid 10001 tidings \
 && useradd --system --uid 10001 --gid tidings --no-log-init --home-dir /app \
      --no-create-home --shell /usr/sbin/nologin tidings \
 && mkdir -p /app/conf /content
WORKDIR /app
COPY --from=build /build/target/tidings.jar /app/tidings.jar
COPY conf/config.yaml /app/conf/config.yaml
# Every key of the config file can be overridden the same way (docker run -e TIDINGS_...).
ENV TIDINGS_CONTENT_DIR=/content \
    TIDINGS_HTTP_PORT=8080
VOLUME /content
EXPOSE 8080
USER 10001:10001
# A JVM that asks /health and exits: the image needs no curl or wget for it.
HEALTHCHECK --interval=15s --timeout=5s --start-period=60s --retries=3 \
  CMD ["java", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xmx32m", "-cp", "/app/tidings.jar", "io.tidings.HealthCheck"]
# Exec form: java is PID 1 and gets SIGTERM itself. The heap follows the container's memory
# limit; an OutOfMemoryError ends the process so that the orchestrator restarts it.
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-XX:+ExitOnOutOfMemoryError", "-jar", "/app/tidings.jar", "--config", "/app/conf/config.yaml"]
