using System.Collections.Concurrent;
using System.Net;

namespace Pool.Stratum.Security;

/// <summary>Counts connections per IP address and refuses those beyond the limit.</summary>
public sealed class ConnectionLimiter(int maxPerAddress)
{
    private readonly ConcurrentDictionary<IPAddress, int> _counts = new();

    /// <summary>Counts a new connection; false (and not counted) when the address already holds the maximum.</summary>
    public bool TryAcquire(IPAddress address)
    {
        while (true)
        {
            var current = _counts.GetOrAdd(address, 0);
            if (current >= maxPerAddress)
            {
                return false;
            }

            if (_counts.TryUpdate(address, current + 1, current))
            {
                return true;
            }
        }
    }

    /// <summary>Uncounts a closed connection.</summary>
    public void Release(IPAddress address)
    {
        while (_counts.TryGetValue(address, out var current))
        {
            if (current <= 1 ? _counts.TryRemove(new KeyValuePair<IPAddress, int>(address, current)) : _counts.TryUpdate(address, current - 1, current))
            {
                return;
            }
        }
    }
}
