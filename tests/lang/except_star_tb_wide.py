# A group wider than 15 members: '... and 2 more exceptions'.
raise ExceptionGroup("wide", [ValueError(i) for i in range(17)])
