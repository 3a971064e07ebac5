namespace Pool.Stratum.Security;

/// <summary>Decides whether a miner's payout address is valid for the configured coin and network.</summary>
public interface IPayoutAddressValidator
{
    /// <summary>True when <paramref name="address"/> can receive payouts; otherwise <paramref name="reason"/> says why not.</summary>
    bool TryValidate(string address, out string reason);
}
