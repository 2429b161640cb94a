// Placeholder entry point; replaced by the client console (issue 2).
return 0;
