# Word frequencies over a built-in text: normalisation, counting, sorting by (-count, word).
TEXT = """
It was the best of times, it was the worst of times, it was the age of wisdom,
it was the age of foolishness, it was the epoch of belief, it was the epoch of
incredulity, it was the season of Light, it was the season of Darkness, it was
the spring of hope, it was the winter of despair, we had everything before us,
we had nothing before us, we were all going direct to Heaven, we were all going
direct the other way - in short, the period was so far like the present period,
that some of its noisiest authorities insisted on its being received, for good
or for evil, in the superlative degree of comparison only.
"""

def words(text):
    cleaned = "".join(c.lower() if c.isalpha() else " " for c in text)
    return cleaned.split()

counts = {}
for w in words(TEXT):
    counts[w] = counts.get(w, 0) + 1
ranked = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
print("total words:", sum(counts.values()), "distinct:", len(counts))
for word, n in ranked[:12]:
    print(f"{word:>12} {n:3d} {'#' * n}")
by_len = {}
for w in counts:
    by_len.setdefault(len(w), []).append(w)
for length in sorted(by_len):
    print(length, sorted(by_len[length])[:6])
longest = max(counts, key=lambda w: (len(w), w))
print("longest:", longest, "| once:", sum(1 for n in counts.values() if n == 1))
letters = {}
for c in TEXT.lower():
    if c.isalpha():
        letters[c] = letters.get(c, 0) + 1
print("".join(c for c, _ in sorted(letters.items(), key=lambda kv: (-kv[1], kv[0]))[:10]))
