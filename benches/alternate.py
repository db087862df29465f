#!/usr/bin/env python3
"""Start-up timings that this VM's drift cannot skew: each round runs every command
once, in turn, so a slow minute hits them all alike, and the figure is the median of
each command's runs (a start-up lasts about a millisecond; one preempted run would
move a mean by a tenth). Ratios are to the first command.

Usage: benches/alternate.py RUNS 'CMD ARGS' 'CMD ARGS' ...
The process is started with posix_spawn and its output sent to /dev/null; the
spawn's own cost is in every figure alike, so ratios read slightly low.
"""
import os
import statistics
import sys
import time


def main():
    runs = int(sys.argv[1])
    commands = [c.split() for c in sys.argv[2:]]
    devnull = os.open(os.devnull, os.O_WRONLY)
    actions = [(os.POSIX_SPAWN_DUP2, devnull, 1)]
    times = [[] for _ in commands]
    for _ in range(runs):
        for command, spent in zip(commands, times):
            start = time.perf_counter()
            pid = os.posix_spawn(command[0], command, os.environ, file_actions=actions)
            os.waitpid(pid, 0)
            spent.append(time.perf_counter() - start)
    base = statistics.median(times[0])
    for command, spent in zip(commands, times):
        median = statistics.median(spent)
        q1, _, q3 = statistics.quantiles(spent, n=4)
        print(f"{median * 1e3:6.3f} ms (quartiles {q1 * 1e3:.3f}-{q3 * 1e3:.3f})"
              f"  {median / base:4.2f}x  {' '.join(command)}")


if __name__ == "__main__":
    main()
