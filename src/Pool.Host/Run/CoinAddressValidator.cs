using Pool.Chain.Coins;
using Pool.Stratum.Security;

namespace Pool.Host.Run;

/// <summary>Checks miners' payout addresses against the configured coin and network.</summary>
public sealed class CoinAddressValidator : IPayoutAddressValidator
{
    private readonly CoinProfile _profile;
    private readonly string _network;

    /// <summary>Validates for <paramref name="profile"/> on <paramref name="network"/>.</summary>
    public CoinAddressValidator(CoinProfile profile, string network)
    {
        _profile = profile;
        _network = network;
    }

    public bool TryValidate(string address, out string reason)
    {
        if (_profile.TryParseAddress(address, _network, out _, out var why))
        {
            reason = string.Empty;
            return true;
        }

        reason = $"not a {_profile.Name} {_network} address: {why}";
        return false;
    }
}
