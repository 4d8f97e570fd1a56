// The one way a duration is printed, in logs and in messages about inputs: "400ms", "1.5s", "45s", "1m 4s",
// "1h 30m". Below ten seconds a tenth of a second still tells something; above, whole seconds do.

export function formatDuration(ms: number): string {
  if (ms < 1000 && ms % 100 !== 0) return `${Math.round(ms)}ms`;
  if (ms < 10_000) return `${Math.round(ms / 100) / 10}s`;
  const seconds = Math.round(ms / 1000);
  if (seconds < 60) return `${seconds}s`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return seconds % 60 === 0 ? `${minutes}m` : `${minutes}m ${seconds % 60}s`;
  const hours = Math.floor(minutes / 60);
  return minutes % 60 === 0 ? `${hours}h` : `${hours}h ${minutes % 60}m`;
}
