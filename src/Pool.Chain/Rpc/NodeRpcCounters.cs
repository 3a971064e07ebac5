using System.Collections.Concurrent;

namespace Pool.Chain.Rpc;

/// <summary>Per-method call, error and latency totals of a <see cref="NodeRpcClient"/>; safe to read from any thread.</summary>
public sealed class NodeRpcCounters
{
    private readonly ConcurrentDictionary<string, NodeRpcMethodCounters> _methods = new(StringComparer.Ordinal);

    /// <summary>Every method called so far.</summary>
    public IReadOnlyCollection<NodeRpcMethodCounters> Methods => (IReadOnlyCollection<NodeRpcMethodCounters>)_methods.Values;

    internal NodeRpcMethodCounters For(string method) => _methods.GetOrAdd(method, static m => new NodeRpcMethodCounters(m));
}
