# pathlib: pure path manipulation and Path I/O in a temp dir.
from pathlib import Path, PurePath, PurePosixPath, PosixPath
import os, tempfile
p = PurePath('/usr/lib/python3.11/os.tar.gz')
print(p, repr(p), p.parts, p.name, p.stem, p.suffix, p.suffixes, p.parent, list(p.parents), p.anchor, p.root)
print(p.with_name('x.py'), p.with_suffix('.bz2'), p.with_suffix(''), p.relative_to('/usr'), p.is_absolute(), p.match('*.gz'), p.match('lib/*/*.gz'))
q = PurePosixPath('a') / 'b' / '../c'
print(q, repr(q), PurePath('a//b/./c'), PurePath(), PurePath('/'), PurePath('//x'), PurePath('a', '/b', 'c'), 'x' / PurePath('y'))
print(PurePath('a') == PurePath('a/'), PurePath('a') < PurePath('b'), sorted([PurePath('b'), PurePath('a/c'), PurePath('a')]))
try: p.relative_to('/etc')
except ValueError as e: print(e)
try: PurePath('a').with_suffix('x')
except ValueError as e: print(e)
try: PurePath('/').with_name('x')
except ValueError as e: print(e)
d = Path(tempfile.mkdtemp())
try:
    (d / 'sub' / 'deep').mkdir(parents=True)
    f = d / 'sub' / 'a.txt'
    print(f.write_text('hello\n'), f.read_text(), f.exists(), f.is_file(), f.is_dir(), (d/'sub').is_dir())
    (d / 'b.bin').write_bytes(b'\x00\x01')
    print((d / 'b.bin').read_bytes(), (d/'b.bin').stat().st_size)
    (d / 'sub' / 'deep' / 'c.txt').touch()
    print(sorted(x.name for x in d.iterdir()))
    print(sorted(str(x.relative_to(d)) for x in d.glob('*')))
    print(sorted(str(x.relative_to(d)) for x in d.rglob('*.txt')))
    print(sorted(str(x.relative_to(d)) for x in d.glob('**/*')))
    print(sorted(str(x.relative_to(d)) for x in d.glob('sub/*.txt')))
    g = f.rename(d / 'moved.txt')
    print(g.name, f.exists(), g.resolve() == g.resolve().absolute(), type(g).__name__)
    g.unlink(); g.unlink(missing_ok=True)
    try: g.unlink()
    except FileNotFoundError as e: print('FNF', e.filename == str(g))
    try: (d/'sub').mkdir()
    except FileExistsError as e: print('exists')
    (d/'sub').mkdir(exist_ok=True)
    print(Path('.').resolve() == Path.cwd(), Path('~').expanduser() == Path.home())
finally:
    import shutil
    shutil.rmtree(d)
print(d.exists())
