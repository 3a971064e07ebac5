using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Cryptography.X509Certificates;
using Microsoft.Extensions.Logging;
using Pool.Stratum.Options;
using Pool.Stratum.Server;

namespace Pool.Stratum;

public sealed partial class StratumServer
{
    private static readonly TimeSpan AcceptErrorPause = TimeSpan.FromMilliseconds(100);

    private async Task AcceptLoopAsync(Socket listener, StratumPortOptions port, X509Certificate2? certificate)
    {
        await Task.Yield();
        while (!_stopping.IsCancellationRequested)
        {
            Socket socket;
            try
            {
                socket = await listener.AcceptAsync(_stopping.Token).ConfigureAwait(false);
            }
            catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException || _stopping.IsCancellationRequested)
            {
                break;
            }
            catch (SocketException e)
            {
                // Out of descriptors or a connection reset before accept: pause briefly and keep serving.
                _logger.LogWarning(e, "Accept on {EndPoint} failed", port.Port);
                await Task.Delay(AcceptErrorPause, _services.Time).ConfigureAwait(false);
                continue;
            }

            var serving = ServeAsync(socket, port, certificate);
            _serving.TryAdd(serving, 0);
            _ = serving.ContinueWith(t => _serving.TryRemove(t, out _), TaskScheduler.Default);
        }
    }

    private async Task ServeAsync(Socket socket, StratumPortOptions port, X509Certificate2? certificate)
    {
        await Task.Yield();
        var address = (socket.RemoteEndPoint as IPEndPoint)?.Address ?? IPAddress.None;
        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        if (_services.Bans.IsBanned(address) || !_services.Limiter.TryAcquire(address))
        {
            _services.Counters.ConnectionRefused();
            _logger.LogDebug("Refused a connection from {Address} (banned or over its connection limit)", address);
            socket.Dispose();
            return;
        }

        var released = false;
        try
        {
            socket.NoDelay = true;
            Stream stream = new NetworkStream(socket, ownsSocket: true);
            if (certificate is not null)
            {
                stream = await AuthenticateAsync(stream, certificate).ConfigureAwait(false);
            }

            var boundPort = (socket.LocalEndPoint as IPEndPoint)?.Port ?? port.Port;
            var connection = new StratumConnection(_services, new StreamTransport(stream, _services.Options.MaxLineBytes), address, port.StartingDifficulty)
            {
                PortCounters = _services.Counters.ForPort(boundPort),
            };
            _connections[connection.Id] = connection;
            _services.Counters.ConnectionOpened();
            try
            {
                if (_stopping.IsCancellationRequested)
                {
                    connection.RecordCloseReason(ConnectionCloseReason.ServerStopping);
                    connection.RequestClose();
                }

                await connection.RunAsync().ConfigureAwait(false);
            }
            finally
            {
                // The address's slot is free before the connection stops being counted, so whoever sees the count drop
                // (an operator, a test) can connect again at once instead of being refused as over the limit.
                _services.Limiter.Release(address);
                released = true;
                _connections.TryRemove(connection.Id, out _);
                _services.Counters.ConnectionClosed(connection.CloseReason);
            }
        }
        catch (Exception e) when (e is IOException or SocketException or ObjectDisposedException or OperationCanceledException
                                  or System.Security.Authentication.AuthenticationException)
        {
            _logger.LogDebug(e, "Connection from {Address} failed before it was served", address);
            socket.Dispose();
        }
        finally
        {
            if (!released)
            {
                _services.Limiter.Release(address);
            }
        }
    }

    private async Task<Stream> AuthenticateAsync(Stream stream, X509Certificate2 certificate)
    {
        var ssl = new SslStream(stream, leaveInnerStreamOpen: false);
        try
        {
            using var timeout = new CancellationTokenSource(_services.Options.SubscribeTimeout, _services.Time);
            await ssl.AuthenticateAsServerAsync(new SslServerAuthenticationOptions { ServerCertificate = certificate }, timeout.Token)
                .ConfigureAwait(false);
            return ssl;
        }
        catch
        {
            await ssl.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }
}
