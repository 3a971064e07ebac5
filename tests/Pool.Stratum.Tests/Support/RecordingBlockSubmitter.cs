using System.Collections.Concurrent;
using Pool.Chain.Jobs;
using Pool.Core.Hashing;

namespace Pool.Stratum.Tests.Support;

/// <summary>Takes every block the node would get, accepting it, and computes its hash from the header.</summary>
public sealed class RecordingBlockSubmitter(EventLog log) : IBlockSubmitter
{
    public ConcurrentQueue<(MiningJob Job, byte[] Extranonce1, byte[] Extranonce2, uint Time, uint Nonce, uint Version)> Submitted { get; } = new();

    public Task<BlockSubmission> SubmitAsync(MiningJob job, byte[] extranonce1, byte[] extranonce2, uint time, uint nonce, uint version, CancellationToken cancellationToken = default)
    {
        Submitted.Enqueue((job, extranonce1, extranonce2, time, nonce, version));
        log.Add("submit-block");
        var header = new byte[80];
        job.BuildHeader(extranonce1, extranonce2, time, nonce, version, header);
        var hash = Sha256d.Hash(header);
        Array.Reverse(hash);
        return Task.FromResult(new BlockSubmission(Convert.ToHexStringLower(hash), true, null));
    }
}
