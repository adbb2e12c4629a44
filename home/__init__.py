"""The network's home page in each language, the common pages, navigation and the sitemap."""
