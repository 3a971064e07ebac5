using System.Collections.Concurrent;
using System.Text.RegularExpressions;
using Pool.Chain.Jobs;
using Pool.Core.Hashing;
using Pool.Core.Mining;
using Pool.Stratum.Security;

namespace Pool.Stratum.Tests.Support;

/// <summary>Accepts regtest-style bech32 addresses (rltc1… / bcrt1…) and refuses anything else with a reason.</summary>
public sealed partial class RegexAddressValidator : IPayoutAddressValidator
{
    public bool TryValidate(string address, out string reason)
    {
        reason = AddressPattern().IsMatch(address) ? "" : "not a regtest bech32 address (rltc1… or bcrt1…)";
        return reason.Length == 0;
    }

    [GeneratedRegex("^(rltc1|bcrt1)[02-9ac-hj-np-z]{20,60}$")]
    private static partial Regex AddressPattern();
}

/// <summary>Records the order of events across collaborators, so tests can check what happened first.</summary>
public sealed class EventLog
{
    private readonly ConcurrentQueue<string> _events = new();

    public IReadOnlyList<string> Events => _events.ToArray();

    public void Add(string e) => _events.Enqueue(e);
}

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

/// <summary>Records found blocks.</summary>
public sealed class RecordingBlockFoundSink(EventLog log) : IBlockFoundSink
{
    public ConcurrentQueue<FoundBlock> Blocks { get; } = new();

    public ValueTask BlockFoundAsync(FoundBlock block, CancellationToken cancellationToken = default)
    {
        Blocks.Enqueue(block);
        log.Add("block-found");
        return ValueTask.CompletedTask;
    }
}

/// <summary>A share sink that logs and can be made slow, to catch answers sent before recording completes.</summary>
public sealed class OrderedShareSink(EventLog log) : IShareSink
{
    public ConcurrentQueue<AcceptedShare> Shares { get; } = new();

    public TimeSpan Delay { get; set; }

    public bool Failing { get; set; }

    public TaskCompletionSource Entered { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public async ValueTask RecordAsync(AcceptedShare share, CancellationToken cancellationToken = default)
    {
        Entered.TrySetResult();
        if (Failing)
        {
            throw new IOException("ledger unavailable");
        }
        if (Delay > TimeSpan.Zero)
        {
            await Task.Delay(Delay, cancellationToken);
        }

        Shares.Enqueue(share);
        log.Add("record-share");
    }
}

/// <summary>Token address book that checks the 0x+40 hex shape and remembers what it was told.</summary>
public sealed class RecordingTokenAddressBook : ITokenAddressBook
{
    public ConcurrentDictionary<string, string> Addresses { get; } = new();

    public Task SetTokenAddressAsync(string miner, string tokenAddress, CancellationToken cancellationToken = default)
    {
        if (!Regex.IsMatch(tokenAddress, "^0x[0-9a-fA-F]{40}$"))
        {
            throw new ArgumentException($"token address {tokenAddress} is not 0x followed by 40 hex digits", nameof(tokenAddress));
        }

        Addresses[miner] = tokenAddress;
        return Task.CompletedTask;
    }

    public Task<string?> GetTokenAddressAsync(string miner, CancellationToken cancellationToken = default) =>
        Task.FromResult(Addresses.TryGetValue(miner, out var a) ? a : null);
}
