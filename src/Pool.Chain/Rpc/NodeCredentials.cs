using System.Net.Http.Headers;
using System.Text;
using Pool.Chain.Coins;
using Pool.Chain.Configuration;

namespace Pool.Chain.Rpc;

/// <summary>How the pool authenticates to the node: user and password, or the node's cookie file (re-read when it changes).</summary>
public sealed class NodeCredentials
{
    private readonly string? _userPassword;
    private readonly string? _cookieFile;
    private AuthenticationHeaderValue? _cookieHeader;
    private DateTime _cookieWriteTime;

    private NodeCredentials(string? userPassword, string? cookieFile)
    {
        _userPassword = userPassword;
        _cookieFile = cookieFile;
    }

    /// <summary>User and password given directly.</summary>
    public static NodeCredentials FromUserPassword(string user, string password) => new($"{user}:{password}", null);

    /// <summary>The node's cookie file ("__cookie__:secret").</summary>
    public static NodeCredentials FromCookieFile(string path) => new(null, path);

    /// <summary>
    /// Resolves the options: the cookie file when set, else the user with the password from the named environment
    /// variable or the password file. The password never comes from the config itself.
    /// </summary>
    public static NodeCredentials FromOptions(ChainOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (!string.IsNullOrEmpty(options.RpcCookieFile))
        {
            return FromCookieFile(options.RpcCookieFile);
        }

        var password = string.IsNullOrEmpty(options.RpcPasswordEnvironmentVariable)
            ? null
            : Environment.GetEnvironmentVariable(options.RpcPasswordEnvironmentVariable);
        if (string.IsNullOrEmpty(password) && !string.IsNullOrEmpty(options.RpcPasswordFile))
        {
            if (!File.Exists(options.RpcPasswordFile))
            {
                throw new ChainConfigurationException($"Chain:RpcPasswordFile '{options.RpcPasswordFile}' does not exist");
            }

            password = File.ReadAllText(options.RpcPasswordFile).Trim();
        }

        if (string.IsNullOrEmpty(password))
        {
            throw new ChainConfigurationException(
                $"no RPC password: set the environment variable {options.RpcPasswordEnvironmentVariable} or Chain:RpcPasswordFile, or use Chain:RpcCookieFile");
        }

        return FromUserPassword(options.RpcUser, password);
    }

    /// <summary>The Basic authorization header for the next request.</summary>
    public AuthenticationHeaderValue GetHeader()
    {
        if (_userPassword is not null)
        {
            return Basic(_userPassword);
        }

        // The node writes a new cookie on every start; re-reading on change lets the pool survive node restarts.
        var writeTime = File.GetLastWriteTimeUtc(_cookieFile!);
        var header = _cookieHeader;
        if (header is null || writeTime != _cookieWriteTime)
        {
            string cookie;
            try
            {
                cookie = File.ReadAllText(_cookieFile!).Trim();
            }
            catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
            {
                // The node writes its cookie at start and deletes it at shutdown: no file means no node right now.
                throw new NodeRpcException(NodeRpcFailure.Unreachable, "auth", $"no cookie file at {_cookieFile}; is the node running with this data directory?", null, e);
            }
            catch (IOException e)
            {
                throw new NodeRpcException(NodeRpcFailure.Unauthorized, "auth", $"cannot read the cookie file {_cookieFile}: {e.Message}", null, e);
            }
            catch (UnauthorizedAccessException e)
            {
                throw new NodeRpcException(NodeRpcFailure.Unauthorized, "auth", $"no permission to read the cookie file {_cookieFile}", null, e);
            }

            header = Basic(cookie);
            _cookieHeader = header;
            _cookieWriteTime = writeTime;
        }

        return header;
    }

    public override string ToString() => _cookieFile is null ? "user/password" : $"cookie file {_cookieFile}";

    private static AuthenticationHeaderValue Basic(string userPassword) =>
        new("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(userPassword)));
}
