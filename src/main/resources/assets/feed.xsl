<?xml version="1.0" encoding="UTF-8"?>
<!--
  Shows an RSS 2.0 or Atom 1.0 feed of Tidings as a page when a browser opens it: the feed's
  title, how to subscribe, and its items. Feed readers never read this file. Text is written
  as text (value-of), never as markup; titles and summaries that the feed carries as escaped
  HTML are unescaped to the characters they stand for, still as text.
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:atom="http://www.w3.org/2005/Atom"
    xmlns:dc="http://purl.org/dc/elements/1.1/"
    exclude-result-prefixes="atom dc">
  <xsl:output method="html" encoding="UTF-8" indent="no" doctype-system="about:legacy-compat"/>

  <xsl:template match="/">
    <xsl:variable name="rss" select="rss/channel"/>
    <xsl:variable name="title">
      <xsl:choose>
        <xsl:when test="$rss"><xsl:value-of select="$rss/title"/></xsl:when>
        <xsl:otherwise><xsl:apply-templates select="atom:feed/atom:title" mode="text"/></xsl:otherwise>
      </xsl:choose>
    </xsl:variable>
    <xsl:variable name="self" select="($rss/atom:link[@rel='self'] | atom:feed/atom:link[@rel='self'])/@href"/>
    <xsl:variable name="page" select="$rss/link | atom:feed/atom:link[@rel='alternate']/@href"/>
    <html lang="en">
      <head>
        <meta charset="utf-8"/>
        <meta name="viewport" content="width=device-width, initial-scale=1"/>
        <meta name="color-scheme" content="light dark"/>
        <title><xsl:value-of select="$title"/> (feed)</title>
        <style>
:root { --bg: #fdfdfc; --fg: #1d1d1f; --muted: #5f6368; --line: #e3e3e0; --accent: #0b57d0; --note: #eef2f8; }
@media (prefers-color-scheme: dark) {
  :root { --bg: #151617; --fg: #e8e8e6; --muted: #a0a4a8; --line: #2e3033; --accent: #8ab4f8; --note: #23272e; }
}
body { margin: 0; background: var(--bg); color: var(--fg); font: 16px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; }
main { max-width: 52rem; margin: 0 auto; padding: 1rem; }
a { color: var(--accent); text-decoration: none; }
a:hover { text-decoration: underline; }
h1 { font-size: 1.5rem; margin: .5rem 0; overflow-wrap: anywhere; }
.subscribe { background: var(--note); border-radius: .4rem; padding: .75rem 1rem; }
.subscribe input { width: 100%; box-sizing: border-box; font: .85rem ui-monospace, monospace; padding: .3rem .4rem; margin-top: .4rem; color: var(--fg); background: var(--bg); border: 1px solid var(--line); border-radius: .3rem; }
ul { list-style: none; padding: 0; }
li { padding: .65rem 0; border-bottom: 1px solid var(--line); }
li .title { font-weight: 600; overflow-wrap: anywhere; }
.meta { color: var(--muted); font-size: .9rem; }
li p { margin: .25rem 0 0; font-size: .95rem; }
        </style>
      </head>
      <body>
        <main>
          <h1 id="feed-title"><xsl:value-of select="$title"/></h1>
          <p class="subscribe" id="subscribe">
            This is a feed. To subscribe, copy its address into your feed reader:
            <input type="text" readonly="readonly" aria-label="feed URL" value="{$self}"/>
          </p>
          <p><a id="page-link" href="{$page}">See this feed's page on the site</a></p>
          <ul id="items">
            <xsl:apply-templates select="$rss/item | atom:feed/atom:entry"/>
          </ul>
        </main>
      </body>
    </html>
  </xsl:template>

  <xsl:template match="item">
    <li class="item">
      <a class="title" href="{link}"><xsl:value-of select="title"/></a>
      <div class="meta">
        <xsl:value-of select="dc:creator"/>
        <xsl:if test="dc:creator and pubDate"> · </xsl:if>
        <xsl:value-of select="pubDate"/>
      </div>
      <xsl:if test="description">
        <p><xsl:call-template name="unescape"><xsl:with-param name="s" select="description"/></xsl:call-template></p>
      </xsl:if>
    </li>
  </xsl:template>

  <xsl:template match="atom:entry">
    <li class="item">
      <a class="title" href="{atom:link[@rel='alternate']/@href}"><xsl:apply-templates select="atom:title" mode="text"/></a>
      <div class="meta">
        <xsl:value-of select="atom:author/atom:name"/>
        <xsl:if test="atom:author and atom:published"> · </xsl:if>
        <xsl:value-of select="translate(substring(atom:published, 1, 16), 'T', ' ')"/>
        <xsl:if test="atom:published"> UTC</xsl:if>
      </div>
      <xsl:if test="atom:summary">
        <p><xsl:apply-templates select="atom:summary" mode="text"/></p>
      </xsl:if>
    </li>
  </xsl:template>

  <!-- An Atom text construct: type="html" holds escaped HTML, which Tidings only uses for text. -->
  <xsl:template match="*" mode="text">
    <xsl:choose>
      <xsl:when test="@type = 'html'">
        <xsl:call-template name="unescape"><xsl:with-param name="s" select="."/></xsl:call-template>
      </xsl:when>
      <xsl:otherwise><xsl:value-of select="."/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- Tidings escapes only < > & for HTML: undo exactly that, &amp; last. -->
  <xsl:template name="unescape">
    <xsl:param name="s"/>
    <xsl:call-template name="replace">
      <xsl:with-param name="s">
        <xsl:call-template name="replace">
          <xsl:with-param name="s">
            <xsl:call-template name="replace">
              <xsl:with-param name="s" select="$s"/>
              <xsl:with-param name="from" select="'&amp;lt;'"/>
              <xsl:with-param name="to" select="'&lt;'"/>
            </xsl:call-template>
          </xsl:with-param>
          <xsl:with-param name="from" select="'&amp;gt;'"/>
          <xsl:with-param name="to" select="'&gt;'"/>
        </xsl:call-template>
      </xsl:with-param>
      <xsl:with-param name="from" select="'&amp;amp;'"/>
      <xsl:with-param name="to" select="'&amp;'"/>
    </xsl:call-template>
  </xsl:template>

  <xsl:template name="replace">
    <xsl:param name="s"/>
    <xsl:param name="from"/>
    <xsl:param name="to"/>
    <xsl:choose>
      <xsl:when test="contains($s, $from)">
        <xsl:value-of select="substring-before($s, $from)"/>
        <xsl:value-of select="$to"/>
        <xsl:call-template name="replace">
          <xsl:with-param name="s" select="substring-after($s, $from)"/>
          <xsl:with-param name="from" select="$from"/>
          <xsl:with-param name="to" select="$to"/>
        </xsl:call-template>
      </xsl:when>
      <xsl:otherwise><xsl:value-of select="$s"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>
</xsl:stylesheet>
