"""The demo: data files under each app's demo_data/, loaded by `manage.py load_demo`.

Part of the composition root, like the urls: it may use every app, and no app uses it.
loader.py reads the files and writes through the apps' own services and importers (or
an upsert on a natural key), so a second run changes nothing; pages.py keeps the Wagtail page
tree; generate.py makes the bulk that is not worth writing down (submitted scans, two years of
monitoring events).
"""
