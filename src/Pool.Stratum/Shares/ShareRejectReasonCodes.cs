using Pool.Stratum.Protocol;

namespace Pool.Stratum.Shares;

/// <summary>The Stratum error code of each reject reason.</summary>
public static class ShareRejectReasonCodes
{
    /// <summary>The code a miner sees for <paramref name="reason"/>.</summary>
    public static StratumErrorCode ToErrorCode(this ShareRejectReason reason) => reason switch
    {
        ShareRejectReason.JobNotFound or ShareRejectReason.Stale => StratumErrorCode.JobNotFound,
        ShareRejectReason.Duplicate => StratumErrorCode.DuplicateShare,
        ShareRejectReason.LowDifficulty => StratumErrorCode.LowDifficulty,
        ShareRejectReason.Unauthorized => StratumErrorCode.Unauthorized,
        ShareRejectReason.NotSubscribed => StratumErrorCode.NotSubscribed,
        _ => StratumErrorCode.Other,
    };
}
