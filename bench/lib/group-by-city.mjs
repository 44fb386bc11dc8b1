// The group-by of the workload (sum of profile.score and a count per city) written by hand, for the
// engines that have no aggregation of their own (NeDB), use a user-supplied reducer (LokiJS's
// mapReduce) or are the hand-written baseline. One copy, so all three compute it the same way.
export function sumScoreByCity(docs) {
  const groups = new Map();
  for (const d of docs) {
    const g = groups.get(d.city);
    if (g) {
      g.total += d.profile.score;
      g.n++;
    } else groups.set(d.city, { _id: d.city, total: d.profile.score, n: 1 });
  }
  return [...groups.values()];
}
