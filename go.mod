module github.com/factbot/factbot

go 1.26.8

require (
	github.com/bwmarrin/discordgo v0.29.0
	github.com/google/go-cmp v0.7.0
	github.com/gorilla/websocket v1.4.2
	github.com/kljensen/snowball v0.10.0
	github.com/sahilm/fuzzy v0.1.3
	golang.org/x/text v0.43.0
)

require (
	golang.org/x/crypto v0.58.0 // indirect
	golang.org/x/sys v0.49.0 // indirect
)
