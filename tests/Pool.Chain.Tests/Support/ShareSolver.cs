using Pool.Chain.Jobs;
using Pool.Core.Pow;

namespace Pool.Chain.Tests.Support;

/// <summary>Finds a nonce that makes a job's header meet the network target (regtest targets take a few tries).</summary>
public static class ShareSolver
{
    /// <summary>The first nonce whose header meets <see cref="MiningJob.NetworkTarget"/>.</summary>
    public static uint Solve(MiningJob job, PowAlgorithm pow, byte[] extranonce1, byte[] extranonce2, uint time, uint version)
    {
        Span<byte> header = stackalloc byte[80];
        Span<byte> digest = stackalloc byte[32];
        for (uint nonce = 0; nonce < 1_000_000; nonce++)
        {
            job.BuildHeader(extranonce1, extranonce2, time, nonce, version, header);
            pow.HashHeader(header, digest);
            if (job.NetworkTarget.IsMetBy(digest))
            {
                return nonce;
            }
        }

        throw new InvalidOperationException($"no nonce met the target of job {job.JobId}");
    }
}
