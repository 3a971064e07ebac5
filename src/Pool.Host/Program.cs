using Pool.Host;

return await PoolCommandLine.RunAsync(args);
