import java.nio.file.*; import java.util.*;
public class L { public static void main(String[] a) throws Exception {
 for (String p : a) { try (DirectoryStream<Path> s = Files.newDirectoryStream(Path.of(p))) { System.out.println(p+" opened"); int n=0; for (Path x : s) n++; System.out.println(p+" listed "+n); } catch (Exception e) { System.out.println(p+" "+e); } }
}}
