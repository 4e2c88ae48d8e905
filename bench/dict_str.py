# dict_str.py - dict and string work: builds text from a deterministic
# pseudo-random generator, then splits, lowercases, strips, counts words in a
# dict, joins, formats with f-strings, replaces, finds, and sorts the counts.
import sys

N = 60000       # number of sentences generated

if len(sys.argv) > 1:
    N = int(sys.argv[1])

WORDS = ("the quick brown fox jumps over lazy dog alpha beta gamma delta "
         "epsilon zeta eta theta iota kappa lambda mu nu xi omicron pi rho "
         "sigma tau upsilon phi chi psi omega red green blue cyan magenta "
         "yellow black white orange purple").split()


class Rng:
    def __init__(self, seed):
        self.state = seed

    def next(self, n):
        self.state = (self.state * 1103515245 + 12345) % 2147483648
        return (self.state >> 8) % n


def make_text(rng, n):
    sentences = []
    nwords = len(WORDS)
    for i in range(n):
        k = 3 + rng.next(9)
        parts = []
        for j in range(k):
            w = WORDS[rng.next(nwords)]
            if rng.next(5) == 0:
                w = w.upper()
            elif rng.next(7) == 0:
                w = w.capitalize()
            parts.append(w)
        sentences.append(" ".join(parts) + ("." if i % 3 else ","))
    return "\n".join(sentences)


def count_words(text):
    counts = {}
    for line in text.split("\n"):
        for word in line.split():
            w = word.strip(".,").lower()
            counts[w] = counts.get(w, 0) + 1
    return counts


def bigrams(text):
    pairs = {}
    for line in text.splitlines():
        ws = line.rstrip(".,").lower().split(" ")
        for i in range(len(ws) - 1):
            key = ws[i] + "_" + ws[i + 1]
            if key in pairs:
                pairs[key] += 1
            else:
                pairs[key] = 1
    return pairs


def report(counts):
    items = []
    for w in counts:
        items.append((-counts[w], w))
    items.sort()
    lines = []
    for c, w in items[:10]:
        lines.append(f"{w:>10}: {-c:6d}")
    return lines


def string_ops(text):
    h = 0
    t = text.replace("fox", "cat").replace("DOG", "wolf")
    h += t.count("cat") + t.find("wolf") + t.count("\n")
    for line in t.split("\n"):
        if line.startswith("the") or line.endswith("omega."):
            h += len(line)
        h += len(line.title()) + line.lower().find("a")
        h = (h * 31 + len(f"{line[:5]}|{len(line):04d}")) % 1000000007
    return h


def main():
    rng = Rng(42)
    text = make_text(rng, N)
    counts = count_words(text)
    pairs = bigrams(text)
    lines = report(counts)
    inverted = {}
    for w in counts:
        c = counts[w]
        if c in inverted:
            inverted[c].append(w)
        else:
            inverted[c] = [w]
    h = string_ops(text)
    print(f"chars {len(text)} words {len(counts)} bigrams {len(pairs)} "
          f"distinct counts {len(inverted)} hash {h}")
    for line in lines:
        print(line)


main()
