using Pool.Stratum.Protocol;
using Pool.Stratum.Security;

namespace Pool.Stratum.Server;

internal sealed partial class StratumConnection
{
    private readonly SentJob?[] _sentJobs;
    private int _sentJobCount;
    private int _sentJobNext;
    private double _lastSentDifficulty = double.NaN;
    private double _targetDifficulty = double.NaN;
    private Core.Targets.Target256 _target;

    /// <summary>Sends a new job to a connection that is mining (subscribed and authorized).</summary>
    public void OnJob(EncodedJob job)
    {
        if (IsSubscribed && IsAuthorized)
        {
            SendJob(job, clean: job.Job.CleanJobs);
        }
    }

    /// <summary>Lowers the difficulty of a miner that has shown nothing for a while; true when it retargeted.</summary>
    public bool TryRetargetIdle()
    {
        lock (_stateLock)
        {
            return IsSubscribed && Vardiff.TryRetargetIdle(out _);
        }
    }

    /// <summary>client.show_message.</summary>
    public bool ShowMessage(string text) => TrySend(StratumMessages.ShowMessage(text));

    /// <summary>client.reconnect.</summary>
    public bool Reconnect(string host, int port, int waitSeconds) => TrySend(StratumMessages.Reconnect(host, port, waitSeconds));

    /// <summary>Renegotiates version rolling after the pool's mask changed; false when this miner never asked for it.</summary>
    public bool UpdateVersionMask(uint poolMask)
    {
        if (_minerVersionMask is not { } minerMask)
        {
            return false;
        }

        VersionMask = poolMask & minerMask;
        return TrySend(StratumMessages.SetVersionMask(VersionMask));
    }

    /// <summary>
    /// Gives a miner that subscribed to extranonce changes a new extranonce1 and a clean job. Jobs sent before keep the
    /// extranonce1 they were sent with, so shares in flight still validate.
    /// </summary>
    public bool RenewExtranonce()
    {
        if (!_wantsExtranonceChanges || !IsSubscribed)
        {
            return false;
        }

        lock (_stateLock)
        {
            var previous = _extranonce1;
            _extranonce1 = _services.Extranonces.Allocate();
            _extranonce1Bytes = ExtranonceAllocator.ToBytes(_extranonce1);
            _extranonce1Hex = Convert.ToHexStringLower(_extranonce1Bytes);
            _services.Extranonces.Release(previous);
            if (!TrySend(StratumMessages.SetExtranonce(_extranonce1Hex, _services.Options.Extranonce2Size)))
            {
                return false;
            }
        }

        SendCurrentJob();
        return true;
    }

    private void SendCurrentJob()
    {
        if (_services.CurrentJob is { } job)
        {
            SendJob(job, clean: true);
        }
    }

    private void SendJob(EncodedJob job, bool clean)
    {
        lock (_stateLock)
        {
            // A new difficulty takes effect with the next job: shares of earlier jobs keep the difficulty they were sent with.
            var difficulty = Vardiff.Difficulty;
            if (difficulty != _lastSentDifficulty && !TrySend(StratumMessages.SetDifficulty(difficulty)))
            {
                return;
            }

            _lastSentDifficulty = difficulty;
            if (difficulty != _targetDifficulty)
            {
                _target = _services.Pow.DifficultyOne.TargetForDifficulty(difficulty);
                _targetDifficulty = difficulty;
            }

            _sentJobs[_sentJobNext] = new SentJob(job, difficulty, _target, _extranonce1Bytes);
            _sentJobNext = (_sentJobNext + 1) % _sentJobs.Length;
            _sentJobCount = Math.Min(_sentJobCount + 1, _sentJobs.Length);
            TrySend(clean ? job.CleanNotify : job.Notify);
        }
    }

    private SentJob? FindJob(ReadOnlySpan<byte> jobId)
    {
        lock (_stateLock)
        {
            for (var i = 1; i <= _sentJobCount; i++)
            {
                var sent = _sentJobs[(_sentJobNext - i + _sentJobs.Length) % _sentJobs.Length];
                if (sent is not null && sent.Encoded.JobIdUtf8.AsSpan().SequenceEqual(jobId))
                {
                    return sent;
                }
            }
        }

        return null;
    }

    private WorkerLogin? FindWorker(ReadOnlySpan<byte> login)
    {
        lock (_stateLock)
        {
            foreach (var (utf8, worker) in _workers)
            {
                if (utf8.AsSpan().SequenceEqual(login))
                {
                    return worker;
                }
            }
        }

        return null;
    }
}
