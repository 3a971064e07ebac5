using System.Numerics;
using Nethereum.Hex.HexConvertors.Extensions;
using Nethereum.Model;
using Nethereum.Signer;
using Nethereum.Util;

namespace Pool.Settlement.Chain;

/// <summary>Signs EIP-1559 transactions locally with one key; the key never leaves this object and is never printed.</summary>
public sealed class TransactionSigner
{
    private readonly EthECKey _key;
    private readonly Transaction1559Signer _signer = new();

    public TransactionSigner(string privateKeyHex, BigInteger chainId)
    {
        _key = ParseKey(privateKeyHex);
        ChainId = chainId;
        Address = _key.GetPublicAddress();
    }

    /// <summary>Checksummed sender address.</summary>
    public string Address { get; }

    /// <summary>Chain id signed into every transaction (EIP-155 replay protection).</summary>
    public BigInteger ChainId { get; }

    /// <summary>Signs a call (or a deployment when <paramref name="to"/> is null).</summary>
    public SignedTransaction Sign(string? to, byte[] data, BigInteger nonce, Eip1559Fees fees, BigInteger gasLimit)
    {
        var transaction = new Transaction1559(ChainId, nonce, fees.MaxPriorityFeePerGas, fees.MaxFeePerGas, gasLimit, to, BigInteger.Zero, data.ToHex(true), null);
        var raw = _signer.SignTransaction(_key, transaction).EnsureHexPrefix();
        var hash = Sha3Keccack.Current.CalculateHash(raw.HexToByteArray()).ToHex(true);
        return new SignedTransaction(hash, raw, nonce, fees, gasLimit);
    }

    /// <summary>The address of a private key, for messages and checks.</summary>
    public static string AddressOf(string privateKeyHex) => ParseKey(privateKeyHex).GetPublicAddress();

    private static EthECKey ParseKey(string privateKeyHex)
    {
        var hex = privateKeyHex.Trim();
        var digits = hex.StartsWith("0x", StringComparison.OrdinalIgnoreCase) ? hex[2..] : hex;
        if (digits.Length != 64 || !digits.All(Uri.IsHexDigit))
        {
            // The key itself is never echoed back, only what is wrong with it.
            throw new ArgumentException($"a private key is 64 hex digits (optionally 0x-prefixed); got {digits.Length} characters");
        }

        return new EthECKey(digits);
    }
}
