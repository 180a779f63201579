using ArchUnitNET.Domain;

namespace LeadFunctions.ArchitectureTests;

/// <summary>
/// The features of a root namespace (<c>Root.&lt;Feature&gt;</c> and what lies below it) and which depends on which,
/// each dependency with one type-level dependency that makes it, read from the compiled types.
/// </summary>
internal sealed class FeatureGraph
{
    private readonly SortedDictionary<string, SortedDictionary<string, string>> edges = new(StringComparer.Ordinal);

    private FeatureGraph() { }

    public static FeatureGraph Of(IEnumerable<IType> types, string root)
    {
        var graph = new FeatureGraph();
        foreach (var type in types)
        {
            if (FeatureOf(type, root) is not { } from)
            {
                continue;
            }

            graph.edges.TryAdd(from, new(StringComparer.Ordinal));
            foreach (var target in type.Dependencies.Select(d => d.Target))
            {
                if (FeatureOf(target, root) is { } to && to != from)
                {
                    graph.edges.TryAdd(to, new(StringComparer.Ordinal));
                    graph.edges[from].TryAdd(to, $"{type.FullName} → {target.FullName}");
                }
            }
        }

        return graph;
    }

    /// <summary>
    /// One shortest cycle of each group of features that reach each other, as "A → B → A", each step with the type
    /// dependency that makes it; none when the features form no cycle.
    /// </summary>
    public IReadOnlyList<string> Cycles() =>
        [.. StronglyConnected().Where(group => group.Count > 1).Select(group => Describe(ShortestCycle(group)))];

    private static string? FeatureOf(IType type, string root)
    {
        var ns = type.Namespace?.FullName;
        if (ns is null || !ns.StartsWith(root + ".", StringComparison.Ordinal))
        {
            return null;
        }

        return ns[(root.Length + 1)..].Split('.')[0];
    }

    private SortedDictionary<string, string>.KeyCollection Next(string feature) => edges[feature].Keys;

    /// <summary>The cycle from the group's first feature back to it, fewest steps first (breadth-first).</summary>
    private List<string> ShortestCycle(IReadOnlyCollection<string> group)
    {
        var start = group.Min(StringComparer.Ordinal)!;
        var cameFrom = new Dictionary<string, string>(StringComparer.Ordinal);
        var queue = new Queue<string>([start]);
        while (queue.TryDequeue(out var feature))
        {
            foreach (var next in Next(feature).Where(group.Contains))
            {
                if (next == start)
                {
                    var path = new List<string> { start };
                    for (var at = feature; at != start; at = cameFrom[at])
                    {
                        path.Insert(1, at);
                    }

                    path.Add(start);
                    return path;
                }

                if (cameFrom.TryAdd(next, feature))
                {
                    queue.Enqueue(next);
                }
            }
        }

        throw new InvalidOperationException($"No cycle through {start} in its own group.");
    }

    private string Describe(List<string> cycle) =>
        string.Join(" → ", cycle)
        + Environment.NewLine
        + string.Join(
            Environment.NewLine,
            cycle.Zip(cycle.Skip(1)).Select(step => $"    {edges[step.First][step.Second]}")
        );

    /// <summary>Tarjan's strongly connected components: the groups of features that all reach each other.</summary>
    private List<List<string>> StronglyConnected()
    {
        var (index, low, stack, onStack, groups) = (
            new Dictionary<string, int>(StringComparer.Ordinal),
            new Dictionary<string, int>(StringComparer.Ordinal),
            new Stack<string>(),
            new HashSet<string>(StringComparer.Ordinal),
            new List<List<string>>()
        );

        void Visit(string feature)
        {
            index[feature] = low[feature] = index.Count;
            stack.Push(feature);
            onStack.Add(feature);
            foreach (var next in Next(feature))
            {
                if (!index.TryGetValue(next, out var reached))
                {
                    Visit(next);
                    low[feature] = Math.Min(low[feature], low[next]);
                }
                else if (onStack.Contains(next))
                {
                    low[feature] = Math.Min(low[feature], reached);
                }
            }

            if (low[feature] == index[feature])
            {
                var group = new List<string>();
                string member;
                do
                {
                    member = stack.Pop();
                    onStack.Remove(member);
                    group.Add(member);
                } while (member != feature);
                groups.Add(group);
            }
        }

        foreach (var feature in edges.Keys.Where(f => !index.ContainsKey(f)))
        {
            Visit(feature);
        }

        return groups;
    }
}
