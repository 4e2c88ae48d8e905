# subprocess: run/Popen/communicate/check_output/call, pipes, env, cwd, errors, signals.
import subprocess, sys, os
r = subprocess.run(['echo', 'hi'], capture_output=True, text=True)
print(r, r.returncode, repr(r.stdout))
r = subprocess.run(['sh', '-c', 'echo out; echo err >&2; exit 3'], capture_output=True)
print(r)
try:
    subprocess.run(['false'], check=True)
except subprocess.CalledProcessError as e:
    print(e, e.returncode)
print(subprocess.check_output(['cat'], input=b'abc'))
print(subprocess.check_output('echo $FOO', shell=True, env={'FOO': 'bar', 'PATH': os.environ['PATH']}, text=True))
print(subprocess.run(['pwd'], cwd='/tmp', capture_output=True, text=True).stdout)
print(subprocess.call(['true']), subprocess.call('exit 7', shell=True))
p = subprocess.Popen(['cat'], stdin=subprocess.PIPE, stdout=subprocess.PIPE)
out, err = p.communicate(b'x' * 200000)
print(len(out), err, p.returncode)
p = subprocess.Popen(['sh', '-c', 'echo a; echo b'], stdout=subprocess.PIPE, text=True)
print(p.stdout.readline(), p.stdout.read(), p.wait())
try:
    subprocess.run(['no_such_program_xyz'])
except FileNotFoundError as e:
    print(e)
r = subprocess.run(['sh', '-c', 'echo x >&2'], stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
print(r.stdout)
print(subprocess.run(['true'], stdout=subprocess.DEVNULL).returncode)
print(subprocess.getstatusoutput('echo hi; exit 2'), subprocess.getoutput('echo yo'))
r = subprocess.run(['sh', '-c', 'kill -9 $$'])
print(r.returncode)
try: r.check_returncode()
except subprocess.CalledProcessError as e: print(e)
print(os.system('exit 3') >> 8)
try:
    subprocess.run(['sleep', '5'], timeout=0.05)
except subprocess.TimeoutExpired as e:
    print('TimeoutExpired', e.cmd)
p = subprocess.Popen(['sleep', '5'])
try:
    p.wait(timeout=0.01)
except subprocess.TimeoutExpired as e:
    print('TimeoutExpired', e.timeout)
p.kill()
print(p.wait(), p.poll())
with subprocess.Popen(['sh', '-c', 'read x; echo got $x'], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True) as p:
    p.stdin.write('line\n')
    p.stdin.close()
    print(p.stdout.read().strip())
print(p.returncode)
try:
    subprocess.run(['true'], capture_output=True, stdout=subprocess.PIPE)
except ValueError as e:
    print(e)
try:
    subprocess.check_call(['sh', '-c', 'exit 4'])
except subprocess.CalledProcessError as e:
    print(e, e.cmd)
try:
    subprocess.run(['true'], cwd='/nonexistent_dir_xyz')
except FileNotFoundError as e:
    print(type(e).__name__, e.filename)
print(repr(subprocess.CompletedProcess(['a'], 0)), str(subprocess.CalledProcessError(1, 'cmd', b'out')))
# os.popen
import os
with os.popen('echo hello; echo world') as p:
    print(p.read())
p = os.popen('exit 3')
print(p.read(), p.close())
w = os.popen('cat > /dev/null', 'w')
w.write('data')
print(w.close())
print([line for line in os.popen('printf "a\\nb\\n"')])
