using System.Numerics;
using System.Text;
using Microsoft.Extensions.Logging;
using Pool.Stratum.Protocol;
using Pool.Stratum.Security;

namespace Pool.Stratum.Server;

internal sealed partial class StratumConnection
{
    private const uint FullVersionMask = 0xffffffff;
    private uint _extranonce1;
    private byte[] _extranonce1Bytes = [];
    private string _extranonce1Hex = "";
    private uint? _minerVersionMask;
    private bool _wantsExtranonceChanges;

    /// <summary>The version bits this miner may roll: the pool's mask and the miner's, 0 without mining.configure.</summary>
    public uint VersionMask { get; private set; }

    private async ValueTask SubscribeAsync(StratumRequest request)
    {
        bool firstJob;
        lock (_stateLock)
        {
            if (!IsSubscribed)
            {
                // A session id naming this instance's extranonce1 that nobody holds resumes it; anything else gets a new one.
                if (!_services.Extranonces.TryResume(request.Text1, out _extranonce1))
                {
                    _extranonce1 = _services.Extranonces.Allocate();
                }

                _extranonce1Bytes = ExtranonceAllocator.ToBytes(_extranonce1);
                _extranonce1Hex = Convert.ToHexStringLower(_extranonce1Bytes);
                UserAgent = request.Text0;
                IsSubscribed = true;
            }

            firstJob = IsAuthorized && _sentJobCount == 0;
        }

        await SendAsync(StratumMessages.SubscribeResult(request, _extranonce1Hex, _extranonce1Hex, _services.Options.Extranonce2Size)).ConfigureAwait(false);
        if (firstJob)
        {
            SendCurrentJob();
        }
    }

    /// <summary>The miner's user agent from mining.subscribe.</summary>
    public string? UserAgent { get; private set; }

    private async ValueTask AuthorizeAsync(StratumRequest request)
    {
        if (!WorkerLogin.TryParse(request.Text0, request.Text1, out var login, out var reason))
        {
            await SendAsync(StratumMessages.Error(request, StratumErrorCode.Unauthorized, reason)).ConfigureAwait(false);
            return;
        }

        if (!_services.AddressValidator.TryValidate(login.Address, out reason))
        {
            await SendAsync(StratumMessages.Error(request, StratumErrorCode.Unauthorized, $"invalid payout address {login.Address}: {reason}")).ConfigureAwait(false);
            return;
        }

        if (login.TokenAddress is { } token)
        {
            if (_services.TokenAddressBook is not { } book)
            {
                await SendAsync(StratumMessages.Error(request, StratumErrorCode.Other, "this pool does not take token addresses (eth=)")).ConfigureAwait(false);
                return;
            }

            try
            {
                await book.SetTokenAddressAsync(login.Address, token).ConfigureAwait(false);
            }
            catch (ArgumentException e)
            {
                await SendAsync(StratumMessages.Error(request, StratumErrorCode.Other, e.Message)).ConfigureAwait(false);
                return;
            }
            catch (Exception e)
            {
                _services.Logger.LogError(e, "Token address of {Miner} could not be stored", login.Address);
                await SendAsync(StratumMessages.Error(request, StratumErrorCode.Other, "the token address could not be stored; try again")).ConfigureAwait(false);
                return;
            }
        }

        bool firstJob;
        lock (_stateLock)
        {
            if (!_workers.Exists(w => w.Login.Login == login.Login))
            {
                _workers.Add((Encoding.UTF8.GetBytes(login.Login), login));
            }

            if (login.RequestedDifficulty is { } difficulty)
            {
                Vardiff.Reset(difficulty);
            }

            firstJob = IsSubscribed && _sentJobCount == 0;
        }

        _services.Logger.LogDebug("Connection {Id} authorized {Login}", Id, login.Login);
        await SendAsync(StratumMessages.Result(request, true)).ConfigureAwait(false);
        if (firstJob)
        {
            SendCurrentJob();
        }
    }

    private async ValueTask ConfigureAsync(StratumRequest request)
    {
        uint? negotiated = null;
        var minimumDifficulty = false;
        var subscribeExtranonce = false;
        foreach (var extension in request.Extensions)
        {
            switch (extension)
            {
                case StratumMethodNames.VersionRolling:
                    _minerVersionMask = request.MinerVersionMask ?? FullVersionMask;
                    VersionMask = _services.VersionRollingMask & _minerVersionMask.Value;
                    negotiated = VersionMask;
                    if (request.MinBitCount is { } bits && BitOperations.PopCount(VersionMask) < bits)
                    {
                        // BIP310 leaves the miner to decide; the pool answers with what it has and never disconnects.
                        _services.Logger.LogDebug("Connection {Id} asked for {Bits} version bits, mask {Mask:x8} has fewer", Id, bits, VersionMask);
                    }

                    break;
                case StratumMethodNames.MinimumDifficulty when request.MinimumDifficulty is { } floor:
                    lock (_stateLock)
                    {
                        Vardiff.Floor = floor;
                        if (Vardiff.Difficulty < Vardiff.Floor)
                        {
                            Vardiff.Reset(Vardiff.Floor);
                        }
                    }

                    minimumDifficulty = true;
                    break;
                case StratumMethodNames.SubscribeExtranonce:
                    _wantsExtranonceChanges = true;
                    subscribeExtranonce = true;
                    break;
                default:
                    break;
            }
        }

        await SendAsync(StratumMessages.ConfigureResult(request, negotiated, minimumDifficulty, subscribeExtranonce)).ConfigureAwait(false);
    }

    private ValueTask ExtranonceSubscribeAsync(StratumRequest request)
    {
        _wantsExtranonceChanges = true;
        return SendAsync(StratumMessages.Result(request, true));
    }

    private ValueTask SuggestDifficultyAsync(StratumRequest request)
    {
        if (request.Problem is { } problem)
        {
            return SendAsync(StratumMessages.Error(request, StratumErrorCode.Other, problem));
        }

        lock (_stateLock)
        {
            Vardiff.Reset(request.Number);
        }

        return SendAsync(StratumMessages.Result(request, true));
    }

    private void ReleaseExtranonce()
    {
        if (IsSubscribed)
        {
            _services.Extranonces.Release(_extranonce1);
        }
    }
}
