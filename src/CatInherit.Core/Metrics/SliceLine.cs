namespace CatInherit.Metrics;

/// <summary>
/// SliceLine (Sagadeeva and Boehm, SIGMOD 2021): the top-k slices of a dataset — conjunctions of up to
/// <see cref="SliceLineOptions.MaxPredicates"/> predicates <c>feature = value</c> on distinct features — by the score
/// <c>α·((e_s/n_s)/ē − 1) − (1 − α)·(n/n_s − 1)</c>, among slices with at least <see cref="SliceLineOptions.MinSupport"/>
/// rows and a positive score. The lattice is enumerated level by level: a level-L candidate joins two level-(L−1)
/// slices that share L−2 predicates, and is dropped unless all L of its parents survived their level; a candidate is
/// pruned when the smallest parent size is below the support, or when the upper bound of its score (and of every slice
/// below it), computed from its parents' smallest size, error sum and largest row error, is below the k-th best score
/// so far (or not positive). Ties are ordered by fewer predicates, then by the predicates' feature and level indices, so
/// the result is the same as scoring every slice and sorting; the tests compare it with that enumeration.
/// </summary>
internal static class SliceLine
{
    /// <summary>Slack under which an upper bound prunes: rounding can never drop a slice the enumeration would keep.</summary>
    private const double Slack = 1e-12;

    /// <summary>The score of a slice of <paramref name="size"/> rows whose errors sum to <paramref name="errorSum"/>.</summary>
    public static double Score(double alpha, double averageError, int rows, double size, double errorSum) =>
        (alpha * ((errorSum / size / averageError) - 1)) - ((1 - alpha) * ((rows / size) - 1));

    /// <summary>
    /// The largest score of any slice with at most <paramref name="sizeBound"/> rows (and at least the support), an error
    /// sum of at most <paramref name="errorBound"/> and row errors of at most <paramref name="maxErrorBound"/>: the score is
    /// monotone in the size on each side of <c>errorBound / maxErrorBound</c>, so its maximum is at one of three sizes.
    /// </summary>
    public static double UpperBound(double alpha, double averageError, int rows, int minSupport, double sizeBound, double errorBound, double maxErrorBound)
    {
        if (sizeBound < minSupport || errorBound <= 0)
        {
            return double.NegativeInfinity;
        }

        var best = double.NegativeInfinity;
        foreach (var size in new[] { minSupport, Math.Clamp(errorBound / maxErrorBound, minSupport, sizeBound), sizeBound })
        {
            best = Math.Max(best, Score(alpha, averageError, rows, size, Math.Min(size * maxErrorBound, errorBound)));
        }

        return best;
    }

    /// <summary>Finds the top-k slices.</summary>
    /// <param name="codes">Per feature, each row's level index, or −1 where the feature does not apply to the row.</param>
    /// <param name="levels">Per feature, its number of levels.</param>
    /// <param name="errors">Each row's error, in [0, 1] (1 = wrong).</param>
    /// <param name="options">k, the support, α and the largest number of predicates.</param>
    public static SliceLineResult Find(IReadOnlyList<int[]> codes, IReadOnlyList<int> levels, double[] errors, SliceLineOptions options)
    {
        ArgumentNullException.ThrowIfNull(codes);
        ArgumentNullException.ThrowIfNull(levels);
        ArgumentNullException.ThrowIfNull(errors);
        ArgumentNullException.ThrowIfNull(options);
        var n = errors.Length;
        var total = 0.0;
        foreach (var e in errors)
        {
            total += e;
        }

        var average = n == 0 ? 0 : total / n;
        var top = new List<FoundSlice>();
        if (n == 0 || total <= 0)
        {
            return new SliceLineResult(average, n, top, 0, 0);
        }

        // Level 1: every (feature, level) with its rows, counted in one pass per feature.
        var atoms = new List<(int Feature, int Level)>();
        var current = new List<Node>();
        long evaluated = 0, pruned = 0;
        for (var f = 0; f < codes.Count; f++)
        {
            var size = new int[levels[f]];
            var errorSum = new double[levels[f]];
            var maxError = new double[levels[f]];
            var column = codes[f];
            for (var row = 0; row < n; row++)
            {
                if (column[row] is var v and >= 0)
                {
                    size[v]++;
                    errorSum[v] += errors[row];
                    maxError[v] = Math.Max(maxError[v], errors[row]);
                }
            }

            var rowsOf = new int[levels[f]][];
            for (var v = 0; v < levels[f]; v++)
            {
                if (size[v] == 0)
                {
                    continue;
                }

                evaluated++;
                var score = Score(options.Alpha, average, n, size[v], errorSum[v]);
                atoms.Add((f, v));
                var atom = atoms.Count - 1;
                Offer(top, new FoundSlice([(f, v)], size[v], errorSum[v], maxError[v], score), options);
                if (size[v] >= options.MinSupport && errorSum[v] > 0)
                {
                    rowsOf[v] = new int[size[v]];
                    current.Add(new Node([atom], rowsOf[v], size[v], errorSum[v], maxError[v]));
                }
            }

            var fill = new int[levels[f]];
            for (var row = 0; row < n; row++)
            {
                if (column[row] is var v and >= 0 && rowsOf[v] is { } list)
                {
                    list[fill[v]++] = row;
                }
            }
        }

        for (var level = 2; level <= options.MaxPredicates && current.Count > 1; level++)
        {
            var threshold = top.Count == options.K ? Math.Max(0, top[^1].Score) : 0;
            var parents = new Dictionary<Key, Node>(current.Count);
            foreach (var node in current)
            {
                parents[new Key(node.Atoms)] = node;
            }

            // Join slices sharing their first level−2 predicates (the list is in lexicographic order of atoms).
            var candidates = new List<(Node A, Node B, int[] Atoms)>();
            for (var start = 0; start < current.Count;)
            {
                var end = start + 1;
                while (end < current.Count && SamePrefix(current[start].Atoms, current[end].Atoms, level - 2))
                {
                    end++;
                }

                for (var i = start; i < end; i++)
                {
                    for (var j = i + 1; j < end; j++)
                    {
                        var (a, b) = (current[i], current[j]);
                        if (atoms[a.Atoms[^1]].Feature == atoms[b.Atoms[^1]].Feature)
                        {
                            continue;
                        }

                        int[] joined = [.. a.Atoms, b.Atoms[^1]];
                        if (Bounds(joined, parents) is not { } bound)
                        {
                            continue;   // a parent did not survive its level: neither can this slice
                        }

                        var upper = UpperBound(options.Alpha, average, n, options.MinSupport, bound.Size, bound.ErrorSum, bound.MaxError);
                        if (bound.Size < options.MinSupport || upper < threshold - Slack)
                        {
                            pruned++;
                            continue;
                        }

                        candidates.Add((a, b, joined));
                    }
                }

                start = end;
            }

            // Evaluate the candidates (in parallel; each result has its own slot, so the order never depends on threads).
            var results = new Node?[candidates.Count];
            var slices = new FoundSlice?[candidates.Count];
            Parallel.For(0, candidates.Count, () => new int[n], (c, _, buffer) =>
            {
                var (a, b, joined) = candidates[c];
                var count = Intersect(a.Rows, b.Rows, buffer);
                if (count == 0)
                {
                    return buffer;
                }

                double errorSum = 0, maxError = 0;
                for (var i = 0; i < count; i++)
                {
                    errorSum += errors[buffer[i]];
                    maxError = Math.Max(maxError, errors[buffer[i]]);
                }

                slices[c] = new FoundSlice([.. joined.Select(x => atoms[x])], count, errorSum, maxError, Score(options.Alpha, average, n, count, errorSum));
                if (count >= options.MinSupport && errorSum > 0)
                {
                    results[c] = new Node(joined, buffer[..count], count, errorSum, maxError);
                }

                return buffer;
            }, _ => { });

            var next = new List<Node>();
            for (var c = 0; c < candidates.Count; c++)
            {
                if (slices[c] is { } slice)
                {
                    evaluated++;
                    Offer(top, slice, options);
                }

                if (results[c] is { } node)
                {
                    next.Add(node);
                }
            }

            current = next;
        }

        return new SliceLineResult(average, n, [.. top], evaluated, pruned);
    }

    /// <summary>The slice order of every result: higher score, then fewer predicates, then predicates in index order.</summary>
    public static int Compare(FoundSlice x, FoundSlice y)
    {
        var byScore = y.Score.CompareTo(x.Score);
        if (byScore != 0)
        {
            return byScore;
        }

        if (x.Predicates.Length != y.Predicates.Length)
        {
            return x.Predicates.Length.CompareTo(y.Predicates.Length);
        }

        for (var i = 0; i < x.Predicates.Length; i++)
        {
            var c = x.Predicates[i].CompareTo(y.Predicates[i]);
            if (c != 0)
            {
                return c;
            }
        }

        return 0;
    }

    /// <summary>Adds a slice to the top-k when it qualifies (support and a positive score) and ranks high enough.</summary>
    private static void Offer(List<FoundSlice> top, FoundSlice slice, SliceLineOptions options)
    {
        var k = options.K;
        if (!(slice.Score > 0) || slice.Size < options.MinSupport)
        {
            return;
        }

        var at = top.Count;
        while (at > 0 && Compare(slice, top[at - 1]) < 0)
        {
            at--;
        }

        if (at < k)
        {
            top.Insert(at, slice);
            if (top.Count > k)
            {
                top.RemoveAt(top.Count - 1);
            }
        }
    }

    /// <summary>The smallest size, error sum and largest row error over every parent of a candidate; null when one is missing.</summary>
    private static (double Size, double ErrorSum, double MaxError)? Bounds(int[] joined, Dictionary<Key, Node> parents)
    {
        double size = double.MaxValue, errorSum = double.MaxValue, maxError = double.MaxValue;
        var parent = new int[joined.Length - 1];
        for (var skip = 0; skip < joined.Length; skip++)
        {
            for (int i = 0, p = 0; i < joined.Length; i++)
            {
                if (i != skip)
                {
                    parent[p++] = joined[i];
                }
            }

            if (!parents.TryGetValue(new Key(parent), out var node))
            {
                return null;
            }

            size = Math.Min(size, node.Size);
            errorSum = Math.Min(errorSum, node.ErrorSum);
            maxError = Math.Min(maxError, node.MaxError);
        }

        return (size, errorSum, maxError);
    }

    private static bool SamePrefix(int[] a, int[] b, int length)
    {
        for (var i = 0; i < length; i++)
        {
            if (a[i] != b[i])
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Rows in both ascending lists, into <paramref name="into"/>; returns how many.</summary>
    private static int Intersect(int[] a, int[] b, int[] into)
    {
        int i = 0, j = 0, count = 0;
        while (i < a.Length && j < b.Length)
        {
            var (x, y) = (a[i], b[j]);
            if (x == y)
            {
                into[count++] = x;
                i++;
                j++;
            }
            else if (x < y)
            {
                i++;
            }
            else
            {
                j++;
            }
        }

        return count;
    }

    /// <summary>A slice that survived its level: its atoms (indices of level-1 slices, ascending), rows and statistics.</summary>
    private sealed record Node(int[] Atoms, int[] Rows, int Size, double ErrorSum, double MaxError);

    /// <summary>A parent's atoms as a dictionary key: up to three, so slices of up to four predicates.</summary>
    private readonly record struct Key(int A, int B, int C)
    {
        public Key(int[] atoms)
            : this(atoms[0], atoms.Length > 1 ? atoms[1] : -1, atoms.Length > 2 ? atoms[2] : -1)
        {
            if (atoms.Length > 3)
            {
                throw new ArgumentOutOfRangeException(nameof(atoms), "Slices have at most four predicates.");
            }
        }
    }
}
