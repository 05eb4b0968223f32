namespace Journeys.Core.Validation;

/// <summary>
/// The resolved edges of a journey (only targets that are nodes of the journey) and the two graph questions
/// validation asks: what is reachable from the start, and which cycles never pass through a waiting node.
/// Both walks are iterative so that a hostile body with a very long chain cannot overflow the stack.
/// </summary>
internal sealed class JourneyGraph
{
    private readonly SortedDictionary<string, List<string>> edges = new(StringComparer.Ordinal);
    private readonly HashSet<string> waitingNodes = new(StringComparer.Ordinal);

    public void AddNode(string id, bool waits)
    {
        edges.TryAdd(id, []);
        if (waits)
        {
            waitingNodes.Add(id);
        }
    }

    public void AddEdge(string from, string to) => edges[from].Add(to);

    public HashSet<string> ReachableFrom(string start)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal) { start };
        var pending = new Stack<string>();
        pending.Push(start);
        while (pending.Count > 0)
        {
            foreach (var next in edges[pending.Pop()])
            {
                if (seen.Add(next))
                {
                    pending.Push(next);
                }
            }
        }

        return seen;
    }

    /// <summary>
    /// Every cycle made only of non-waiting nodes, each given as the sorted ids of one strongly connected component
    /// of the graph without its waiting nodes. A cycle that passes through a wait is fine: time passes on each lap.
    /// </summary>
    public IReadOnlyList<IReadOnlyList<string>> CyclesWithoutWait()
    {
        // Tarjan's algorithm over the graph restricted to non-waiting nodes, with an explicit stack.
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        var lowLink = new Dictionary<string, int>(StringComparer.Ordinal);
        var onStack = new HashSet<string>(StringComparer.Ordinal);
        var componentStack = new Stack<string>();
        var cycles = new List<IReadOnlyList<string>>();
        var counter = 0;

        foreach (var root in edges.Keys)
        {
            if (waitingNodes.Contains(root) || index.ContainsKey(root))
            {
                continue;
            }

            var work = new Stack<(string Node, int NextEdge)>();
            Visit(root);
            work.Push((root, 0));
            while (work.Count > 0)
            {
                var (node, nextEdge) = work.Pop();
                var successors = edges[node];
                if (nextEdge < successors.Count)
                {
                    work.Push((node, nextEdge + 1));
                    var next = successors[nextEdge];
                    if (waitingNodes.Contains(next))
                    {
                        continue;
                    }

                    if (!index.ContainsKey(next))
                    {
                        Visit(next);
                        work.Push((next, 0));
                    }
                    else if (onStack.Contains(next))
                    {
                        lowLink[node] = Math.Min(lowLink[node], index[next]);
                    }

                    continue;
                }

                if (lowLink[node] == index[node])
                {
                    var component = new List<string>();
                    string member;
                    do
                    {
                        member = componentStack.Pop();
                        onStack.Remove(member);
                        component.Add(member);
                    }
                    while (member != node);

                    if (component.Count > 1 || successors.Contains(node, StringComparer.Ordinal))
                    {
                        component.Sort(StringComparer.Ordinal);
                        cycles.Add(component);
                    }
                }

                if (work.Count > 0)
                {
                    var parent = work.Peek().Node;
                    lowLink[parent] = Math.Min(lowLink[parent], lowLink[node]);
                }
            }
        }

        return cycles;

        void Visit(string node)
        {
            index[node] = counter;
            lowLink[node] = counter;
            counter++;
            componentStack.Push(node);
            onStack.Add(node);
        }
    }
}
