using System.Buffers.Binary;
using System.Text;
using Nethereum.Util;

namespace Pool.Settlement.Contracts;

/// <summary>Derives chunk settlement ids exactly as the contract's settlementIdOf does, so a retry reproduces them.</summary>
public static class SettlementId
{
    /// <summary>Domain tag, identical to the contract's SETTLEMENT_ID_DOMAIN.</summary>
    public const string Domain = "pool-reward-settlement-v1";

    /// <summary>keccak256(domain ‖ keccak256(poolId) ‖ coinBlockHash ‖ uint32 chunkIndex ‖ uint32 chunkCount).</summary>
    public static byte[] Derive(string poolId, ReadOnlySpan<byte> coinBlockHash, int chunkIndex, int chunkCount)
    {
        ArgumentException.ThrowIfNullOrEmpty(poolId);
        if (coinBlockHash.Length != 32)
        {
            throw new ArgumentException($"a coin block hash is 32 bytes, got {coinBlockHash.Length}", nameof(coinBlockHash));
        }

        ArgumentOutOfRangeException.ThrowIfNegative(chunkIndex);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(chunkIndex, chunkCount);

        var domain = Encoding.ASCII.GetBytes(Domain);
        var packed = new byte[domain.Length + 32 + 32 + 4 + 4];
        domain.CopyTo(packed, 0);
        Sha3Keccack.Current.CalculateHash(Encoding.UTF8.GetBytes(poolId)).CopyTo(packed, domain.Length);
        coinBlockHash.CopyTo(packed.AsSpan(domain.Length + 32));
        BinaryPrimitives.WriteUInt32BigEndian(packed.AsSpan(domain.Length + 64), (uint)chunkIndex);
        BinaryPrimitives.WriteUInt32BigEndian(packed.AsSpan(domain.Length + 68), (uint)chunkCount);
        return Sha3Keccack.Current.CalculateHash(packed);
    }
}
