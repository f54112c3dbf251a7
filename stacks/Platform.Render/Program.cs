using Platform.Render;

return RenderCommand.Run(args, Console.Out, Console.Error);
