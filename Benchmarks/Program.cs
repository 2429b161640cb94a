// Placeholder entry point; benchmark commands are added per pipeline.
return 0;
