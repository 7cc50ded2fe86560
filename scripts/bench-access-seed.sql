-- The world of scripts/bench-access.sh, seeded set-based with generate_series. psql variables: assets (N, a multiple
-- of 100,000), t0 (the seeding instant). Every id is md5('<kind>-<n>')::uuid, so the benchmark can name rows.
--
-- At N assets (N = 1,000,000 in brackets):
--   users       U = N/10  [100,000]   user-u; asset i belongs to user-(1 + i % U), except every (N/1000)th asset,
--                                     which belongs to user-heavy (1,000 assets at any N)
--   assets      N         [1,000,000] created over a year, asset-1 newest; every 20th pending, every 199th failed its
--                                     integrity check, every 97th titled "Sunset …", every 50th opts out of inheritance;
--                                     two tags each, two renditions each ready one
--   groups      G = N/100 [10,000]    20 members each (an owner, an admin, 18 members): 200,000 memberships; each user
--                                     belongs to two groups on average
--   asset grants 5 N      [5,000,000] four to people (never the owner) and one to a group per asset
--   collections C = N/10  [100,000]   30 assets each (3,000,000 entries, every asset in three collections), one grant
--                                     each: odd ones to a person, even ones to a group
--   Of every grant, by its number n: n % 10 = 9 expired yesterday, n % 15 = 7 revoked, n % 4 = 0 expires in 30 days;
--   n % 5 = 0 view-only (no download); roles cycle Viewer, Editor, Manager.
--
-- The heavy user (user-heavy) on top: owns 1,000 assets, holds 15,000 direct grants, belongs to groups 1–20 (each of
-- which also holds 1,000 more asset grants) and holds a grant on 500 collections: about 50,000 visible assets.
-- The ordinary user is user-2: a few hundred visible assets, all from the bulk rules.
\set ON_ERROR_STOP 1
\set U (:assets / 10)
\set G (:assets / 100)
\set C (:assets / 10)
\set HEAVY_EVERY (:assets / 1000)

-- The v2 access model (branch h-core) adds group grants, asset copies of CreatedAt on grants and collections.
SELECT EXISTS (SELECT 1 FROM pg_tables WHERE schemaname = 'public' AND tablename = 'collection_entries') AS v2 \gset

-- The search signatures of ADR-087 (migration SearchSignatures), set here because the load runs without triggers.
SELECT EXISTS (SELECT 1 FROM information_schema.columns
               WHERE table_schema = 'public' AND table_name = 'share_grants' AND column_name = 'SearchSigA') AS sig \gset
\if :sig
\set SIG_COLS ', "SearchSigA", "SearchSigB", "SearchSigC", "SearchSigD"'
\set SIG_VALS ', sa.sig_a, sa.sig_b, sa.sig_c, sa.sig_d'
\set SIG_JOIN 'JOIN seed_sigs AS sa ON sa."Id" = md5(''asset-'' || a)::uuid'
\else
\set SIG_COLS ''
\set SIG_VALS ''
\set SIG_JOIN ''
\endif

SET session_replication_role = replica; -- no foreign-key triggers during the bulk load (every reference is by formula)

INSERT INTO owners ("Id", "StorageQuotaBytes", "StorageUsedBytes", "StorageReservedBytes", "CreatedAt")
SELECT md5('user-' || u)::uuid, 10737418240, 0, 0, :'t0'::timestamptz - interval '400 days'
FROM generate_series(1, :U) AS u
UNION ALL
SELECT md5('user-heavy')::uuid, 10737418240, 0, 0, :'t0'::timestamptz - interval '400 days';

\if :v2
\set ASSET_V2_COLS ', "InheritsAccess"'
\set ASSET_V2_VALS ', i % 50 <> 0'
\else
\set ASSET_V2_COLS ''
\set ASSET_V2_VALS ''
\endif
INSERT INTO assets ("Id", "OwnerId", "Title", "Description", "FileName", "ContentType", "Kind", "SizeBytes", "Sha256",
                    "Status", "StorageKey", "UploadExpiresAt", "CreatedAt", "UpdatedAt", "MultipartUploadId", "Integrity",
                    "MediaWidth", "MediaHeight" :ASSET_V2_COLS)
SELECT md5('asset-' || i)::uuid,
       owner,
       CASE WHEN i % 97 = 0 THEN 'Sunset ' || i ELSE 'Asset ' || i END,
       CASE WHEN i % 3 = 0 THEN 'Description of asset ' || i END,
       'file-' || i || (ARRAY['.jpg', '.mp4', '.mp3'])[1 + i % 3],
       (ARRAY['image/jpeg', 'video/mp4', 'audio/mpeg'])[1 + i % 3],
       (ARRAY['Image', 'Video', 'Audio'])[1 + i % 3],
       1000 + i,
       CASE WHEN i % 20 <> 0 THEN md5('content-' || i) || md5('content-' || i) END,
       CASE WHEN i % 20 = 0 THEN 'Pending' ELSE 'Ready' END,
       'assets/' || owner || '/' || md5('asset-' || i)::uuid,
       ts + interval '15 minutes', ts, ts, NULL,
       CASE WHEN i % 20 = 0 THEN 'Unverified' WHEN i % 199 = 0 THEN 'Mismatch' ELSE 'Verified' END,
       CASE WHEN i % 3 = 0 THEN 4000 END, CASE WHEN i % 3 = 0 THEN 3000 END
       :ASSET_V2_VALS
FROM (SELECT i,
             :'t0'::timestamptz - i * (interval '365 days' / :assets) AS ts,
             CASE WHEN i % :HEAVY_EVERY = 0 THEN md5('user-heavy')::uuid ELSE md5('user-' || (1 + i % :U))::uuid END AS owner
      FROM generate_series(1, :assets) AS i) AS s;

\if :sig
-- Every asset's signature once, for its grants and entries below.
CREATE TEMP TABLE seed_sigs AS
SELECT a."Id", s.a AS sig_a, s.b AS sig_b, s.c AS sig_c, s.d AS sig_d
FROM assets AS a CROSS JOIN LATERAL mv_search_signature(a."Title", a."Description", a."FileName") AS s;
ALTER TABLE seed_sigs ADD PRIMARY KEY ("Id");
\endif

INSERT INTO asset_tags ("Tag", "AssetId")
SELECT t.tag, md5('asset-' || i)::uuid
FROM generate_series(1, :assets) AS i,
     LATERAL (VALUES ('tag' || i % 50), ('year' || 2000 + i % 25)) AS t(tag);

INSERT INTO asset_renditions ("AssetId", "Name", "Status", "ContentType", "Width", "Height")
SELECT md5('asset-' || i)::uuid, r.name, 'Ready', 'image/webp', r.w, r.h
FROM generate_series(1, :assets) AS i,
     LATERAL (VALUES ('thumbnail', 256, 192), ('preview', 1280, 960)) AS r(name, w, h)
WHERE i % 20 <> 0 AND i % 3 = 0;

INSERT INTO groups ("Id", "Name", "Description", "OwnerId", "CreatedAt", "UpdatedAt")
SELECT md5('group-' || x)::uuid, 'Group ' || x, NULL, md5('user-' || (1 + ((x - 1) * 10) % :U))::uuid,
       :'t0'::timestamptz - interval '300 days', :'t0'::timestamptz - interval '300 days'
FROM generate_series(1, :G) AS x;

-- Membership m = j * G + (x - 1) puts user 1 + ((x - 1) * 10 + j * 5003) % U (j = 0..19) in group x: twenty distinct
-- people per group (5003 is prime to U), each person in two groups on average.
INSERT INTO group_members ("GroupId", "UserId", "Role", "AddedAt")
SELECT md5('group-' || (1 + m % :G))::uuid,
       md5('user-' || (1 + ((m % :G) * 10 + (m / :G) * 5003) % :U))::uuid,
       CASE m / :G WHEN 0 THEN 'Owner' WHEN 1 THEN 'Admin' ELSE 'Member' END,
       :'t0'::timestamptz - interval '300 days' + (m % 1000) * interval '1 minute'
FROM generate_series(0, 20 * :G - 1) AS m
UNION ALL
SELECT md5('group-' || x)::uuid, md5('user-heavy')::uuid, 'Member', :'t0'::timestamptz - interval '200 days'
FROM generate_series(1, 20) AS x;

-- Asset grants. Person grant g (1..4N) is on asset a = 1 + (g - 1) / 4 to the user
-- 1 + (a % U + 1 + k U/4 + 7 (a / U)) % U, k = (g - 1) % 4: four distinct people, never the owner, each person
-- receiving grants on assets spread over the whole year. Then one group grant per asset, to group 1 + (31 a) % G
-- (100 per group). Then the heavy user's: 15,000 direct grants and 1,000 more for each of groups 1–20.
CREATE TEMP TABLE seed_grants AS
SELECT g AS n, 1 + (g - 1) / 4 AS a,
       md5('user-' || (1 + ((1 + (g - 1) / 4) % :U + 1 + ((g - 1) % 4) * (:U / 4) + 7 * ((1 + (g - 1) / 4) / :U)) % :U))::uuid AS grantee,
       NULL::uuid AS grp
FROM generate_series(1, 4 * :assets) AS g
UNION ALL
SELECT 4 * :assets + h, h, NULL, md5('group-' || (1 + (h::bigint * 31) % :G))::uuid
FROM generate_series(1, :assets) AS h
UNION ALL
SELECT 5 * :assets + t, a, md5('user-heavy')::uuid, NULL
FROM (SELECT t, 3 + (t - 1) * (:assets / 15000) AS a FROM generate_series(1, 15000) AS t) AS d
WHERE a % :HEAVY_EVERY <> 0
UNION ALL
SELECT 5 * :assets + 15000 + t, a, NULL, md5('group-' || x)::uuid
FROM (SELECT t, 1 + (t - 1) / 1000 AS x, 1 + (t - 1) * (:assets / 20000) AS a FROM generate_series(1, 20000) AS t) AS e
WHERE 1 + (a::bigint * 31) % :G <> x;

\if :v2
\set GRANT_V2_COLS ', "GroupId", "AllowDownload", "AssetCreatedAt"'
\set GRANT_V2_VALS ', grp, n % 5 <> 0, ' :'t0' '::timestamptz - a * (interval ''365 days'' / ' :assets ')'
\set GRANT_FILTER 'true'
\else
\set GRANT_V2_COLS ''
\set GRANT_V2_VALS ''
\set GRANT_FILTER 'grp IS NULL'
\endif
INSERT INTO share_grants ("Id", "AssetId", "GranteeId", "Role", "ExpiresAt", "CreatedAt", "CreatedBy", "UpdatedAt",
                          "RevokedAt", "RevokedBy" :GRANT_V2_COLS :SIG_COLS)
SELECT md5('grant-' || n)::uuid, md5('asset-' || a)::uuid, grantee,
       (ARRAY['Viewer', 'Editor', 'Manager'])[1 + n % 3],
       CASE WHEN n % 10 = 9 THEN :'t0'::timestamptz - interval '1 day' WHEN n % 4 = 0 THEN :'t0'::timestamptz + interval '30 days' END,
       :'t0'::timestamptz - interval '1 hour',
       md5('user-' || (1 + a % :U))::uuid,
       :'t0'::timestamptz - interval '1 hour',
       CASE WHEN n % 15 = 7 THEN :'t0'::timestamptz - interval '2 hours' END,
       CASE WHEN n % 15 = 7 THEN md5('user-' || (1 + a % :U))::uuid END
       :GRANT_V2_VALS :SIG_VALS
FROM seed_grants :SIG_JOIN
WHERE :GRANT_FILTER;
DROP TABLE seed_grants;

\if :v2
INSERT INTO collections ("Id", "OwnerId", "Name", "Description", "CreatedAt", "UpdatedAt")
SELECT md5('collection-' || c)::uuid, md5('user-' || (1 + c % :U))::uuid, 'Collection ' || c, NULL,
       :'t0'::timestamptz - c * (interval '365 days' / :C), :'t0'::timestamptz - c * (interval '365 days' / :C)
FROM generate_series(1, :C) AS c;

-- Entry (c, e) is asset 1 + (7 ((c - 1) 30 + e)) % N: 30 distinct assets per collection, every asset in three.
INSERT INTO collection_entries ("CollectionId", "AssetId", "AssetCreatedAt", "AddedAt", "AddedBy" :SIG_COLS)
SELECT md5('collection-' || c)::uuid, md5('asset-' || a)::uuid,
       :'t0'::timestamptz - a * (interval '365 days' / :assets),
       :'t0'::timestamptz - interval '1 day', md5('user-' || (1 + c % :U))::uuid :SIG_VALS
FROM (SELECT c, 1 + (7 * ((c::bigint - 1) * 30 + e)) % :assets AS a
      FROM generate_series(1, :C) AS c, generate_series(0, 29) AS e) AS s :SIG_JOIN;

-- Collection c's grant: odd c to user 1 + (13 (c / 2)) % U, even c to group 1 + (17 (c / 2)) % G; then the heavy
-- user's grants on collections C/500, 2 C/500, …, C.
INSERT INTO collection_grants ("Id", "CollectionId", "GranteeId", "GroupId", "Role", "AllowDownload", "ExpiresAt",
                               "CreatedAt", "CreatedBy", "UpdatedAt", "RevokedAt", "RevokedBy")
SELECT md5('cgrant-' || n)::uuid, md5('collection-' || c)::uuid, grantee, grp,
       (ARRAY['Viewer', 'Editor', 'Manager'])[1 + n % 3],
       n % 5 <> 0,
       CASE WHEN n % 10 = 9 THEN :'t0'::timestamptz - interval '1 day' WHEN n % 4 = 0 THEN :'t0'::timestamptz + interval '30 days' END,
       :'t0'::timestamptz - interval '1 hour', md5('user-' || (1 + c % :U))::uuid, :'t0'::timestamptz - interval '1 hour',
       CASE WHEN n % 15 = 7 THEN :'t0'::timestamptz - interval '2 hours' END,
       CASE WHEN n % 15 = 7 THEN md5('user-' || (1 + c % :U))::uuid END
FROM (SELECT c AS n, c,
             CASE WHEN c % 2 = 1 THEN md5('user-' || (1 + (13 * (c / 2)) % :U))::uuid END AS grantee,
             CASE WHEN c % 2 = 0 THEN md5('group-' || (1 + (17 * (c / 2)) % :G))::uuid END AS grp
      FROM generate_series(1, :C) AS c
      UNION ALL
      SELECT :C + t, t * (:C / 500), md5('user-heavy')::uuid, NULL
      FROM generate_series(1, 500) AS t) AS s;
\endif

RESET session_replication_role;
