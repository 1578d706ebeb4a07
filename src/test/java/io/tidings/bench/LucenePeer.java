package io.tidings.bench;

import io.tidings.article.Article;
import io.tidings.article.Topic;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.cjk.CJKBigramFilter;
import org.apache.lucene.analysis.cjk.CJKWidthFilter;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.ByteBuffersDirectory;

/**
 * The peer of {@link SearchBenchmark}: Lucene over the same titles and excerpts in memory
 * (ByteBuffersDirectory), analysed as closely to ours as its stock parts go (standard
 * tokenizer, width, lower case and ASCII folding, CJK bigrams), the index sorted newest first
 * so that a top-50 query ends early as ours does; every query word a MUST clause, the topic a
 * FILTER clause.
 */
final class LucenePeer {
  private static final Sort NEWEST = new Sort(new SortField("time", SortField.Type.LONG, true));
  private final Analyzer analyzer = new Analyzer() {
    @Override
    protected TokenStreamComponents createComponents(String field) {
      StandardTokenizer source = new StandardTokenizer();
      TokenStream s = new CJKWidthFilter(source);
      s = new LowerCaseFilter(s);
      s = new ASCIIFoldingFilter(s);
      s = new CJKBigramFilter(s);
      return new TokenStreamComponents(source, s);
    }
  };
  private final IndexSearcher searcher;

  LucenePeer(List<Article> articles) throws IOException {
    ByteBuffersDirectory dir = new ByteBuffersDirectory();
    IndexWriterConfig config = new IndexWriterConfig(analyzer).setIndexSort(NEWEST)
        .setRAMBufferSizeMB(256);
    try (IndexWriter w = new IndexWriter(dir, config)) {
      for (Article a : articles) {
        Document d = new Document();
        d.add(new TextField("text", a.title() + "\n" + (a.excerpt() == null ? "" : a.excerpt()),
            Field.Store.NO));
        d.add(new NumericDocValuesField("time", a.publishedAt().toEpochMilli()));
        for (Topic t : a.topics()) {
          d.add(new StringField("topic", t.key(), Field.Store.NO));
        }
        w.addDocument(d);
      }
      w.forceMerge(1);
    }
    searcher = new IndexSearcher(DirectoryReader.open(dir));
  }

  /** How many of the {@code limit} newest articles with every word (and the topic) it finds. */
  int search(String q, String topic, int limit) {
    try {
      BooleanQuery.Builder b = new BooleanQuery.Builder();
      for (String term : terms(q)) {
        b.add(new TermQuery(new Term("text", term)), BooleanClause.Occur.MUST);
      }
      if (topic != null) {
        b.add(new TermQuery(new Term("topic", topic)), BooleanClause.Occur.FILTER);
      }
      return searcher.search(b.build(), limit, NEWEST).scoreDocs.length;
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private List<String> terms(String q) throws IOException {
    List<String> out = new ArrayList<>();
    try (TokenStream s = analyzer.tokenStream("text", q)) {
      CharTermAttribute term = s.addAttribute(CharTermAttribute.class);
      s.reset();
      while (s.incrementToken()) {
        out.add(term.toString());
      }
      s.end();
    }
    return out;
  }
}
