"""The keys under which newsextract keeps per-document data in ``Doc.user_data`` (no spaCy import here, so the
library API can name them without loading spaCy)."""

#: the document's text (``Doc.text`` rebuilds it from the tokens on every access)
TEXT_KEY = "newsextract_text"
#: the sentence (start, end) character ranges set by ``newsextract_segmenter``
SENTENCES_KEY = "newsextract_sentences"
#: the text with line breaks inside sentences as spaces (same length), which finders and assembly read
FLAT_KEY = "newsextract_flat"
#: the sentences longer than ``max_sentence_chars`` that ``newsextract_segmenter`` served in pieces
LONG_SENTENCES_KEY = "newsextract_long_sentences"
