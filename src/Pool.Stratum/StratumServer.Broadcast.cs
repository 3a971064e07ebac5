using System.Net;
using Microsoft.Extensions.Logging;
using Pool.Chain.Jobs;
using Pool.Stratum.Server;

namespace Pool.Stratum;

public sealed partial class StratumServer
{
    /// <summary>Sends client.show_message to every connection; returns how many got it.</summary>
    public int ShowMessage(string text) => _connections.Count(p => p.Value.IsSubscribed && p.Value.ShowMessage(text));

    /// <summary>Sends client.reconnect to every connection; returns how many got it.</summary>
    public int RequestReconnect(string host, int port, int waitSeconds) =>
        _connections.Count(p => p.Value.IsSubscribed && p.Value.Reconnect(host, port, waitSeconds));

    /// <summary>Changes the pool's version-rolling mask and sends mining.set_version_mask to miners that roll versions.</summary>
    public int SetVersionRollingMask(uint mask)
    {
        _services.VersionRollingMask = mask;
        return _connections.Count(p => p.Value.UpdateVersionMask(mask));
    }

    /// <summary>Gives every miner that subscribed to extranonce changes a new extranonce1 (mining.set_extranonce).</summary>
    public int RenewExtranonces() => _connections.Count(p => p.Value.RenewExtranonce());

    private void OnJobCreated(MiningJob job)
    {
        try
        {
            var encoded = new EncodedJob(job);
            _services.CurrentJob = encoded;
            foreach (var (_, connection) in _connections)
            {
                connection.OnJob(encoded);
            }
        }
        catch (Exception e)
        {
            // The job source must not fail because of the server; the next job tries again.
            _logger.LogError(e, "Job {JobId} could not be sent to miners", job.JobId);
        }
    }

    private void Sweep()
    {
        try
        {
            SweepConnections();
        }
        catch (Exception e)
        {
            // A timer callback that throws would end the process.
            _logger.LogError(e, "Connection sweep failed");
        }
    }

    private void SweepConnections()
    {
        var now = _services.Time.GetUtcNow();
        // Enumerating the dictionary itself takes no locks and copies nothing (its Values property locks every bucket and
        // copies all connections), so the sweep neither allocates per connection nor stalls connections being accepted.
        foreach (var (_, connection) in _connections)
        {
            if (connection.SubscribeTimedOut(now))
            {
                _logger.LogDebug("Connection {Id} from {Address} did not subscribe in time", connection.Id, connection.RemoteAddress);
                connection.RecordCloseReason(ConnectionCloseReason.SubscribeTimeout);
                connection.Abort();
                continue;
            }

            if (connection.TryRetargetIdle())
            {
                _services.Counters.Retargeted();
            }
        }
    }

    private void OnBanned(IPAddress address, DateTimeOffset until)
    {
        _services.Counters.Banned();
        foreach (var (_, connection) in _connections)
        {
            if (connection.RemoteAddress.Equals(address))
            {
                connection.RecordCloseReason(ConnectionCloseReason.Banned);
                connection.RequestClose();
            }
        }

        try
        {
            AddressBanned?.Invoke(address, until);
        }
        catch (Exception e)
        {
            _logger.LogError(e, "An AddressBanned handler failed");
        }
    }
}
