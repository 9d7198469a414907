module github.com/factbot/factbot

go 1.26.8

require (
	github.com/google/go-cmp v0.7.0
	github.com/kljensen/snowball v0.10.0
	github.com/sahilm/fuzzy v0.1.3
	golang.org/x/text v0.43.0
)
