"""Re-indexing the word sequences of the IMDB and Reuters datasets the way Keras does."""


def offset_words(xs, start_char, index_from):
    """Shift every word index by `index_from` and prepend `start_char` (when not `None`)."""
    if start_char is not None:
        return [[start_char] + [w + index_from for w in x] for x in xs]
    return [[w + index_from for w in x] for x in xs]


def remove_long_seq(maxlen, seqs, labels):
    """Keep the sequences strictly shorter than `maxlen`, with their labels."""
    kept_seqs, kept_labels = [], []
    for x, y in zip(seqs, labels):
        if len(x) < maxlen:
            kept_seqs.append(x)
            kept_labels.append(y)
    return kept_seqs, kept_labels


def limit_vocabulary(xs, num_words, skip_top, oov_char):
    """Replace (or drop, when `oov_char` is `None`) words outside `[skip_top, num_words)`."""
    if not num_words:
        num_words = max(max(x) for x in xs)
    if oov_char is not None:
        return [[w if skip_top <= w < num_words else oov_char for w in x] for x in xs]
    return [[w for w in x if skip_top <= w < num_words] for x in xs]
