package io.tidings.article;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tidings.bench.CorpusGenerator;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The restart cache's article bytes: every generated article comes back equal, hash included. */
class ArticleCodecTest {
  private final ArticleParser parser = new ArticleParser(1 << 20);

  private static byte[] bytes(Article a) throws IOException {
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    ArticleCodec.write(new DataOutputStream(b), a);
    return b.toByteArray();
  }

  @Test
  void generatedArticlesRoundTripExactly() throws IOException {
    CorpusGenerator gen = CorpusGenerator.withSeed(7);
    int articles = 0;
    for (int i = 0; i < 2_000; i++) {
      Parsed p = parser.parse("f" + i, gen.articleText(i).getBytes(StandardCharsets.UTF_8));
      if (p.article() == null) {
        continue;
      }
      articles++;
      Article back = ArticleCodec.read(new DataInputStream(
          new ByteArrayInputStream(bytes(p.article()))));
      assertThat(back).as("article %d", i).isEqualTo(p.article());
      assertThat(back.contentHash()).isEqualTo(ContentHash.of(back));
    }
    assertThat(articles).isGreaterThan(1_500);
  }

  @Test
  void cutBytesAreAnErrorNotAnArticle() throws IOException {
    Parsed p = parser.parse("f", CorpusGenerator.withSeed(7).articleText(1)
        .getBytes(StandardCharsets.UTF_8));
    byte[] all = bytes(p.article());
    byte[] cut = java.util.Arrays.copyOf(all, all.length / 2);
    assertThatThrownBy(() -> ArticleCodec.read(new DataInputStream(new ByteArrayInputStream(cut))))
        .isInstanceOf(IOException.class);
  }
}
