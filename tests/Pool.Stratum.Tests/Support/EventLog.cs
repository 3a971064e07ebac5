using System.Collections.Concurrent;

namespace Pool.Stratum.Tests.Support;

/// <summary>Records the order of events across collaborators, so tests can check what happened first.</summary>
public sealed class EventLog
{
    private readonly ConcurrentQueue<string> _events = new();

    public IReadOnlyList<string> Events => _events.ToArray();

    public void Add(string e) => _events.Enqueue(e);
}
