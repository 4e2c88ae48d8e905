# Unicode strings: indexing, slicing, methods and escapes on non-ASCII text.
s = "héllo wörld ✓ 日本語 😀"
print(s, len(s), s[1], s[-1], s[12], s[14:17], s[::-1])
print(s.upper(), s.title(), s.split(), s.find("日"), s.index("😀"), "ö" in s, s.count("l"))
print([ord(c) for c in "é✓😀"], chr(0x1F600), "\u00e9" == "é", "\U0001F600" == "😀")
print(repr("é\t✓"), "naïve".encode("utf-8"), len("naïve".encode("utf-8")), b"na\xc3\xafve".decode("utf-8"))
print("ß".upper(), "ǅ".lower(), "Σ".lower(), "straße".casefold() == "strasse")
print(sorted("béa"), "é" < "f", "Ω" > "z", max("aé"), min("✓a"))
print("|".join("日本"), "日本" * 2, "日本語".replace("本", "_"), "x日y".partition("日"))
print(f"{'日本':>6}|{'é':^5}|{'✓':<3}|", "%5s|" % "ü")
for ch in "a✓😀":
    print(ch, len(ch), ch.isalpha(), ch.encode("utf-8"))
print("١٢٣".isdigit(), "Ⅻ".isnumeric(), "é".isalpha(), " \u00a0".isspace())
