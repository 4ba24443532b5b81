#!/usr/bin/env python3
"""Where a process's CPU samples went, by the first marker frame each sample's stack contains.

Usage: scripts/jfr-buckets.py <recording.jfr> <marker> [<marker> ...]
  e.g. scripts/jfr-buckets.py store.jfr ObjectOutputStream ObjectInputStream UniqueIndexKeys SecondaryIndex \
           BsonEncoder BsonDecoder org.h2.mvstore handleCommand io.netty
A marker is any substring of "package.Class.method"; a sample counts for the first marker (in the order given)
that any of its frames contains, else "other". BUCKET=<marker> DEPTH=<n> also lists that bucket's top stacks
(n frames from the leaf). Record with the JDK's own tools, e.g. on the embedded store during a benchmark step:
  jcmd <pid> JFR.start duration=45s settings=profile filename=store.jfr
Needs `jfr` (JDK 21+) on the PATH or in $JAVA_HOME/bin.
"""
import collections
import json
import os
import shutil
import subprocess
import sys

if len(sys.argv) < 3:
    sys.exit(__doc__)
jfr = shutil.which('jfr') or os.path.join(os.environ.get('JAVA_HOME', ''), 'bin', 'jfr')
recording, markers = sys.argv[1], sys.argv[2:]
out = subprocess.run([jfr, 'print', '--stack-depth', '512', '--json', '--events', 'jdk.ExecutionSample', recording],
                     capture_output=True, text=True, check=True).stdout
events = json.loads(out)['recording']['events']


def frames(event):
    return [f['method']['type']['name'].replace('/', '.') + '.' + f['method']['name']
            for f in event['values']['stackTrace']['frames']]


def bucket(stack):
    return next((m for m in markers if any(m in f for f in stack)), 'other')


counts = collections.Counter(bucket(frames(e)) for e in events)
total = sum(counts.values())
print('samples', total)
for name, n in counts.most_common():
    print('%6d %5.1f%% %s' % (n, 100 * n / max(total, 1), name))
wanted = os.environ.get('BUCKET')
if wanted:
    depth = int(os.environ.get('DEPTH', '3'))
    stacks = collections.Counter(' < '.join(s[:depth]) for s in map(frames, events) if bucket(s) == wanted)
    for stack, n in stacks.most_common(25):
        print(n, stack)
