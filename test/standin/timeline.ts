// A queue of future happenings, run lazily: each request first runs everything due by its own time, in time order,
// so a rollout's outcome depends only on the clock, never on how often clients poll.

interface Entry {
  at: number;
  seq: number;
  run: (at: number) => void;
}

export class Timeline {
  private entries: Entry[] = [];
  private seq = 0;

  schedule(at: number, run: (at: number) => void): void {
    const entry = { at, seq: this.seq++, run };
    let low = 0;
    let high = this.entries.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      const other = this.entries[middle];
      if (other && (other.at < at || (other.at === at && other.seq < entry.seq))) low = middle + 1;
      else high = middle;
    }
    this.entries.splice(low, 0, entry);
  }

  runUntil(now: number): void {
    for (let next = this.entries[0]; next && next.at <= now; next = this.entries[0]) {
      this.entries.shift();
      next.run(next.at);
    }
  }

  clear(): void {
    this.entries = [];
  }
}
