using Pool.Core.Mining;
using Pool.Settlement.Addresses;
using Pool.Settlement.Chain;

namespace Pool.Settlement.Settlement;

/// <summary>
/// One run of <c>pool settle</c>: plans newly confirmed rounds into chunks (balances debited atomically), then drives
/// every open chunk through planned → submitted → mined → final, recording each signed transaction before it is
/// broadcast and checking isSettled() and the sender's nonce on every resume, so each chunk is minted exactly once.
/// </summary>
public sealed partial class SettlementJob
{
    private readonly SettlementOptions _options;
    private readonly IRoundStore _rounds;
    private readonly ITokenAddressBook _addresses;
    private readonly RedisSettlementStore _store;
    private readonly EvmChain? _chain;
    private readonly string? _settlerKey;
    private readonly TimeProvider _time;
    private readonly TextWriter _progress;
    private readonly Action<SettlementCrashPoint> _crashHook;
    private readonly string _feeAddress;
    private string _lockOwner = string.Empty;
    private TransactionSigner? _signer;

    /// <param name="options">Validated options.</param>
    /// <param name="rounds">The ledger's closed rounds.</param>
    /// <param name="addresses">Miners' token addresses.</param>
    /// <param name="store">Settlement state in Redis.</param>
    /// <param name="chain">The EVM node; may be null for a dry run.</param>
    /// <param name="settlerKey">Private key (hex) holding the settler role; may be null for a dry run.</param>
    /// <param name="time">Clock for timeouts.</param>
    /// <param name="progress">Where progress lines go as they happen.</param>
    /// <param name="crashHook">Called at each <see cref="SettlementCrashPoint"/>; tests throw there to simulate a kill.</param>
    public SettlementJob(
        SettlementOptions options,
        IRoundStore rounds,
        ITokenAddressBook addresses,
        RedisSettlementStore store,
        EvmChain? chain,
        string? settlerKey,
        TimeProvider time,
        TextWriter progress,
        Action<SettlementCrashPoint>? crashHook = null)
    {
        var errors = options.Validate();
        if (errors.Count > 0)
        {
            throw new ArgumentException("invalid settlement options: " + string.Join("; ", errors), nameof(options));
        }

        if (!options.DryRun && (chain is null || string.IsNullOrEmpty(settlerKey)))
        {
            throw new ArgumentException("a settlement run that sends transactions needs the EVM node and the settler key");
        }

        _options = options;
        _rounds = rounds;
        _addresses = addresses;
        _store = store;
        _chain = chain;
        _settlerKey = settlerKey;
        _time = time;
        _progress = progress;
        _crashHook = crashHook ?? (_ => { });
        _feeAddress = EvmAddress.Normalize(options.FeeAddress, nameof(options.FeeAddress));
    }

    /// <summary>Runs once: plan, send, confirm. Never throws for chain trouble or a held lock: the report says what happened.</summary>
    public async Task<SettlementReport> RunAsync(CancellationToken cancellationToken = default)
    {
        var report = new SettlementReport();
        if (_options.DryRun)
        {
            await PlanRoundsAsync(report, commit: false, cancellationToken);
            return report;
        }

        var owner = $"{Environment.MachineName}/{Environment.ProcessId}/{Guid.NewGuid():N}";
        if (!await _store.TryAcquireLockAsync(owner, _options.LockTtl))
        {
            report.Outcome = SettlementOutcome.LockHeld;
            report.Error = $"another pool settle is running (lock held by {await _store.GetLockOwnerAsync() ?? "a run that just finished"}); nothing done";
            return report;
        }

        _lockOwner = owner;
        try
        {
            await PlanRoundsAsync(report, commit: true, cancellationToken);
            await DriveOpenChunksAsync(report, cancellationToken);
        }
        catch (ChainUnavailableException e)
        {
            report.Outcome = SettlementOutcome.Failed;
            report.Error = e.Message + "; nothing was lost: open settlements continue on the next run";
        }
        catch (TransactionRefusedException e)
        {
            report.Outcome = SettlementOutcome.Failed;
            report.Error = e.Message;
        }
        catch (ContractRevertedException e)
        {
            report.Outcome = SettlementOutcome.Failed;
            report.Error = e.Message + "; nothing was sent for it: fix the cause (paused? settler role? wrong token address?) and run again";
        }
        finally
        {
            await _store.ReleaseLockAsync(owner);
        }

        report.Open.AddRange(await _store.GetOpenChunksAsync());
        return report;
    }

    private async Task KeepLockAsync()
    {
        if (!await _store.ExtendLockAsync(_lockOwner, _options.LockTtl))
        {
            throw new InvalidOperationException("the settlement lock expired and may be held by another run; stopping before sending anything (raise the lock TTL)");
        }
    }

    private static string Describe(Chain.SendOutcome outcome, string message) =>
        message.Length == 0 ? outcome.ToString().ToLowerInvariant() : $"{outcome.ToString().ToLowerInvariant()} ({message})";

    private void Progress(string line) => _progress.WriteLine(line);
}
