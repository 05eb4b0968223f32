using Journeys.Host;

return await JourneysCommand.RunAsync(args);
