// Abstracts arrive with markup from their sources (HTML from web pages, LaTeX
// from arXiv). The extractor and the search index want plain text.

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

export function cleanText(raw: string): string {
  return raw
    .replace(/<[^>]{0,200}>/g, ' ')
    .replace(/&(#\d+|#x[0-9a-f]+|[a-z]+);/gi, (m, e: string) => {
      if (e.startsWith('#x') || e.startsWith('#X')) return String.fromCodePoint(parseInt(e.slice(2), 16));
      if (e.startsWith('#')) return String.fromCodePoint(parseInt(e.slice(1), 10));
      return ENTITIES[e.toLowerCase()] ?? m;
    })
    .replace(/\\(?:textbf|textit|emph|texttt|mathrm|mathbf|text|mbox)\{([^{}]*)\}/g, '$1')
    .replace(/\$([^$]{1,80})\$/g, '$1')
    .replace(/\\([%&#_$])/g, '$1')
    .replace(/~/g, ' ')
    // Control characters (but not newline/tab, which become spaces below).
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\ufffd]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}
