import AftermailCLI

await Aftermail.main()
