using System.Runtime.CompilerServices;
using Microsoft.Extensions.Logging;
using Pool.Chain.Jobs;
using Pool.Core.Mining;
using Pool.Stratum.Protocol;
using Pool.Stratum.Shares;

namespace Pool.Stratum.Server;

internal sealed partial class StratumConnection
{
    private const string NotSubscribedMessage = "not subscribed: send mining.subscribe first";
    private const string UnauthorizedMessage = "unauthorized worker: send mining.authorize for it first";
    private const string JobNotFoundMessage = "job not found";
    private const string StaleMessage = "stale share: the job belongs to a previous block";
    private const string EarlyTimeMessage = "ntime is before the job's time";
    private const string LateTimeMessage = "ntime is too far in the future";
    private const string DuplicateMessage = "duplicate share";
    private const string NotRecordedMessage = "share could not be recorded; submit it again";
    private SubmitEntry[]? _entries;
    private ShareWork[]? _work;
    private ShareCheck[]? _checks;

    /// <summary>Answers the batched submits in order; true when the connection must close (its address got banned).</summary>
    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    private async ValueTask<bool> FlushSubmitsAsync()
    {
        var count = _pendingSubmits;
        if (count == 0)
        {
            return false;
        }

        _pendingSubmits = 0;
        var entries = _entries ??= new SubmitEntry[MaxSubmitBatch];
        var work = _work ??= new ShareWork[MaxSubmitBatch];
        var checks = _checks ??= new ShareCheck[MaxSubmitBatch];
        var hashed = 0;
        var now = _services.Time.GetUtcNow().ToUnixTimeSeconds();
        for (var i = 0; i < count; i++)
        {
            entries[i] = Precheck(_requests[i], now, work, ref hashed);
        }

        if (hashed > 0)
        {
            _services.Validator.Validate(work.AsSpan(0, hashed), checks);
        }

        var closing = false;
        for (var i = 0; i < count; i++)
        {
            closing |= await CompleteSubmitAsync(_requests[i], entries[i]).ConfigureAwait(false);
        }

        return closing;
    }

    private SubmitEntry Precheck(StratumRequest request, long now, ShareWork[] work, ref int hashed)
    {
        if (!IsSubscribed)
        {
            return new SubmitEntry { Reject = ShareRejectReason.NotSubscribed, Message = NotSubscribedMessage };
        }

        var worker = FindWorker(request.Worker);
        if (worker is null)
        {
            return new SubmitEntry { Reject = ShareRejectReason.Unauthorized, Message = UnauthorizedMessage };
        }

        if (request.Problem is { } problem)
        {
            return new SubmitEntry { Reject = ShareRejectReason.Malformed, Message = problem };
        }

        var sent = FindJob(request.JobId);
        if (sent is null)
        {
            return new SubmitEntry { Reject = ShareRejectReason.JobNotFound, Message = JobNotFoundMessage };
        }

        var stale = _services.IsStale(sent.Encoded);
        if (stale && !_services.Options.CreditStaleShares)
        {
            return new SubmitEntry { Reject = ShareRejectReason.Stale, Message = StaleMessage };
        }

        var job = sent.Encoded.Job;
        if (request.Time < job.Time)
        {
            return new SubmitEntry { Reject = ShareRejectReason.BadTime, Message = EarlyTimeMessage };
        }

        if (request.Time > now + _services.Options.MaxNtimeAheadSeconds)
        {
            return new SubmitEntry { Reject = ShareRejectReason.BadTime, Message = LateTimeMessage };
        }

        var mask = VersionMask;
        var version = job.Version;
        if (request.HasVersionBits)
        {
            if ((request.VersionBits & ~mask) != 0)
            {
                return new SubmitEntry { Reject = ShareRejectReason.BadVersion, Message = $"version bits {request.VersionBits:x8} outside the negotiated mask {mask:x8}" };
            }

            version = (job.Version & ~mask) | (request.VersionBits & mask);
        }

        work[hashed] = new ShareWork(job, sent.Extranonce1, ShareWork.PackExtranonce2(request.Extranonce2), request.Extranonce2.Length,
            request.Time, request.Nonce, version, sent.ShareTarget);
        return new SubmitEntry { Job = sent, Worker = worker, WorkIndex = hashed++, Stale = stale };
    }

    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    private async ValueTask<bool> CompleteSubmitAsync(StratumRequest request, SubmitEntry entry)
    {
        if (entry.Reject is { } reason)
        {
            return await RejectAsync(request, reason, entry.Message!).ConfigureAwait(false);
        }

        var sent = entry.Job!;
        var work = _work![entry.WorkIndex];
        var check = _checks![entry.WorkIndex];

        // Shares on a previous block's jobs never become blocks, whatever the stale policy credits. A block is sent to the
        // node even when it misses the connection's share target (on regtest the network target is the easier one).
        var candidate = check.MeetsNetworkTarget && !entry.Stale;
        if (!check.MeetsShareTarget && !candidate)
        {
            return await RejectAsync(request, ShareRejectReason.LowDifficulty,
                $"low difficulty share: {check.ActualDifficulty:G6} is below {sent.Difficulty:G6}").ConfigureAwait(false);
        }

        // Only a replay of a share already taken is kept from the node; the check is a set insertion.
        var key = check.DuplicateKey;
        if (!_services.Duplicates.TryAdd(work.Job, key))
        {
            return await RejectAsync(request, ShareRejectReason.Duplicate, DuplicateMessage).ConfigureAwait(false);
        }

        var submission = candidate ? await SubmitBlockAsync(work).ConfigureAwait(false) : null;
        var worker = entry.Worker!;

        // A block below the share target proves the network difficulty's worth of work, and is credited at that.
        var credited = check.MeetsShareTarget ? sent.Difficulty : work.Job.NetworkDifficulty;
        var share = new AcceptedShare(check.BlockHashHex(), worker.Address, worker.Worker, credited, check.ActualDifficulty,
            work.Job.NetworkDifficulty, work.Job.JobId, work.Job.Height, _services.Time.GetUtcNow(), _services.Options.InstanceId, candidate);
        try
        {
            await _services.ShareSink.RecordAsync(share).ConfigureAwait(false);
        }
        catch (Exception e)
        {
            _services.Logger.LogError(e, "Share {ShareId} of {Miner} could not be recorded", share.ShareId, share.Miner);
            _services.Duplicates.Remove(work.Job, key);
            return await RejectAsync(request, ShareRejectReason.NotRecorded, NotRecordedMessage).ConfigureAwait(false);
        }

        if (submission is { Accepted: true })
        {
            await ReportBlockAsync(work.Job, submission, share).ConfigureAwait(false);
        }

        _services.Counters.ShareAccepted();
        PortCounters?.ShareAccepted();
        _services.ShareAccepted?.Invoke(share);
        _services.Bans.RecordShare(RemoteAddress, valid: true);
        lock (_stateLock)
        {
            if (Vardiff.TryRecordShare(credited, out _))
            {
                _services.Counters.Retargeted();
            }
        }

        await SendAsync(StratumMessages.Result(request, true)).ConfigureAwait(false);
        return false;
    }

    private async ValueTask<BlockSubmission?> SubmitBlockAsync(ShareWork work)
    {
        var extranonce2 = new byte[work.Extranonce2Size];
        work.WriteExtranonce2(extranonce2);
        try
        {
            var submission = await _services.BlockSubmitter.SubmitAsync(work.Job, work.Extranonce1, extranonce2, work.Time, work.Nonce, work.Version)
                .ConfigureAwait(false);
            if (submission.Accepted)
            {
                _services.Logger.LogInformation("Block {Hash} at height {Height} accepted", submission.BlockHash, work.Job.Height);
            }
            else
            {
                _services.Counters.BlockRejected();
                _services.Logger.LogWarning("Block {Hash} at height {Height} rejected: {Reason}", submission.BlockHash, work.Job.Height, submission.RejectReason);
            }

            return submission;
        }
        catch (Exception e)
        {
            _services.Counters.BlockRejected();
            _services.Logger.LogError(e, "Block at height {Height} could not be submitted", work.Job.Height);
            return null;
        }
    }

    private async ValueTask ReportBlockAsync(MiningJob job, BlockSubmission submission, AcceptedShare share)
    {
        _services.Counters.BlockFound();
        var block = new FoundBlock(submission.BlockHash, job.Height, job.CoinbaseValue, share.Miner, share.Worker, job.NetworkDifficulty,
            share.Time, share.InstanceId, share.ShareId);
        try
        {
            await _services.BlockFoundSink.BlockFoundAsync(block).ConfigureAwait(false);
        }
        catch (Exception e)
        {
            _services.Logger.LogError(e, "Found block {Hash} could not be reported to the ledger", block.BlockHash);
        }
    }

    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    private async ValueTask<bool> RejectAsync(StratumRequest request, ShareRejectReason reason, string message)
    {
        _services.Counters.ShareRejected(reason);
        PortCounters?.ShareRejected(reason);
        var banned = false;
        if (reason is not (ShareRejectReason.Stale or ShareRejectReason.NotRecorded) && _services.Bans.RecordShare(RemoteAddress, valid: false))
        {
            banned = true;
        }

        await SendAsync(StratumMessages.Error(request, reason.ToErrorCode(), message)).ConfigureAwait(false);
        return banned;
    }
}
