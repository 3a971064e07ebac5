using System.Net;
using System.Net.Sockets;
using NUnit.Framework;

namespace Pool.Testing;

/// <summary>Free TCP ports on loopback for servers the tests start.</summary>
/// <remarks>
/// Ports come from below the OS's ephemeral range (32768 and up on Linux), so the outgoing connections every test opens
/// cannot take a port between the check here and the server's bind. Several test processes run side by side (one per
/// test assembly, and those of other checkouts on the same machine), so the range is cut into slices and each process
/// claims a slice of its own with a lock file: two processes never pick the same port between check and bind. Within a
/// process, ports go round the slice, so a port comes back only after every other one of the slice was handed out.
/// </remarks>
public static class FreePort
{
    /// <summary>How often a server fixture starts on fresh ports before it reports a taken port as a failure.</summary>
    public const int StartAttempts = 3;

    private const int First = 12000;
    private const int Slices = 16;
    private const int SliceSize = 1250;
    private static readonly Lock CursorLock = new();
    private static readonly SliceClaim Claim = SliceClaim.Take();
    private static int _cursor = Random.Shared.Next(SliceSize);

    /// <summary>The first port of this process's slice.</summary>
    public static int SliceStart => Claim.Start;

    /// <summary>How many ports the slice holds.</summary>
    public static int SliceLength => SliceSize;

    /// <summary>False when every slice was claimed by other processes and this one shares its slice.</summary>
    public static bool SliceIsOwn => Claim.File is not null;

    /// <summary>A port on 127.0.0.1 that was free a moment ago.</summary>
    public static int Next()
    {
        lock (CursorLock)
        {
            for (var i = 0; i < SliceSize; i++)
            {
                var port = Claim.Start + _cursor;
                _cursor = (_cursor + 1) % SliceSize;
                if (CanBind(port))
                {
                    return port;
                }
            }
        }

        throw new InvalidOperationException($"no free loopback port between {Claim.Start} and {Claim.Start + SliceSize - 1}");
    }

    /// <summary>
    /// Runs <paramref name="start"/>, which must choose fresh ports each time, again while the server it starts exits
    /// because a port was taken: a program outside the slices (deploy/local/stack.sh, a Redis cluster bus port) may bind
    /// a chosen port between <see cref="Next"/>'s check and the server's bind.
    /// </summary>
    public static async Task<T> StartWithRetryAsync<T>(string server, Func<Task<T>> start)
    {
        ArgumentNullException.ThrowIfNull(start);
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await start().ConfigureAwait(false);
            }
            catch (InvalidOperationException e) when (attempt < StartAttempts && WasTaken(e))
            {
                await TestContext.Progress.WriteLineAsync($"{server} found a port taken; starting again on other ports").ConfigureAwait(false);
            }
        }
    }

    /// <summary>True when <paramref name="failure"/>, a server that exited before it was ready, says a port was in use.</summary>
    public static bool WasTaken(Exception failure)
    {
        ArgumentNullException.ThrowIfNull(failure);
        return failure.Message.Contains("already in use", StringComparison.OrdinalIgnoreCase);
    }

    private static bool CanBind(int port)
    {
        try
        {
            using var listener = new TcpListener(IPAddress.Loopback, port);
            listener.Start();
            listener.Stop();
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    private sealed record SliceClaim(int Start, FileStream? File)
    {
        public static SliceClaim Take()
        {
            var preferred = Environment.ProcessId % Slices;
            try
            {
                var directory = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "pool-test-port-slices")).FullName;
                for (var i = 0; i < Slices; i++)
                {
                    var slice = (preferred + i) % Slices;
                    try
                    {
                        // An exclusive open takes an advisory lock that the OS drops when the process ends, however it
                        // ends; the file itself stays, as deleting it could let two processes lock different files of one name.
                        var file = new FileStream(Path.Combine(directory, $"slice-{slice}"), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
                        return new SliceClaim(First + (slice * SliceSize), file);
                    }
                    catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                    {
                        // Another process holds this slice.
                    }
                }
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // No shared directory to agree in: fall back to the process id's slice.
            }

            // The check in Next and the fixtures' start on fresh ports still cover a process that shares this slice.
            return new SliceClaim(First + (preferred * SliceSize), null);
        }
    }
}
