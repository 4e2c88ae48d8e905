# Files dropped without close(): data written to an unclosed file reaches the disk at exit, and
# opening many files without closing them does not run out of descriptors.
import os
import subprocess
import sys
import tempfile

d = tempfile.mkdtemp()
path = os.path.join(d, 'unclosed.txt')
code = 'f = open(%r, "w")\nf.write("written at exit")\nb = open(%r + ".bin", "wb")\nb.write(b"raw")\n' % (path, path)
r = subprocess.run([sys.executable, '-c', code], capture_output=True, text=True)
print(r.returncode, repr(r.stderr))
print(open(path).read(), open(path + '.bin', 'rb').read())
for i in range(3000):
    open(path).read()
print('still opening files')
os.unlink(path)
os.unlink(path + '.bin')
os.rmdir(d)
