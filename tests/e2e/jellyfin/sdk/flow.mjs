// The same flow as the Python client's, through @jellyfin/sdk (TypeScript, generated
// from Jellyfin's OpenAPI): every JSON answer is checked against the SDK's own type
// for that call, and the run fails if any answer the SDK received went unchecked.
//   JELLYFIN_URL, JELLYFIN_USER, JELLYFIN_PASSWORD, JELLYFIN_TITLES (JSON list) → exit 0
import assert from 'node:assert/strict';

import { Jellyfin } from '@jellyfin/sdk';
import {
    BaseItemKind, ImageType, ItemFields, ItemFilter, ItemSortBy, SortOrder,
} from '@jellyfin/sdk/lib/generated-client/models/index.js';
import {
    getBrandingApi, getDisplayPreferencesApi, getFilterApi, getGenresApi, getImageApi,
    getItemsApi, getLibraryApi, getMediaInfoApi, getPersonsApi, getPlaystateApi,
    getQuickConnectApi, getSearchApi, getSessionApi, getSystemApi, getTvShowsApi,
    getUserApi, getUserLibraryApi, getUserViewsApi, getVideosApi,
} from '@jellyfin/sdk/lib/utils/api/index.js';

import { sdkValidator } from './schemas.mjs';

const { JELLYFIN_URL, JELLYFIN_USER, JELLYFIN_PASSWORD } = process.env;
const TITLES = JSON.parse(process.env.JELLYFIN_TITLES);
const SEQUEL_TITLES = JSON.parse(process.env.JELLYFIN_SEQUEL_TITLES);
const check = sdkValidator();

const jellyfin = new Jellyfin({
    clientInfo: { name: 'Revenge SDK e2e', version: '0.1.0' },
    deviceInfo: { name: 'node box', id: 'sdk-e2e-device' },
});
const api = jellyfin.createApi(JELLYFIN_URL);

// Every answer the SDK gets is recorded; `typed` marks it checked against its type.
const answers = [];
api.axiosInstance.interceptors.response.use((response) => {
    answers.push({ response, checked: false });
    return response;
});

function typed(typeName, response) {
    assert.equal(response.status, 200, `${response.config.url}: ${response.status}`);
    check(typeName, response.data);
    answers.find((a) => a.response === response).checked = true;
    return response.data;
}

function empty(response) {
    assert.equal(response.status, 204, `${response.config.url}: ${response.status}`);
    answers.find((a) => a.response === response).checked = true;
}

function binary(response, kind) {
    assert.ok(response.headers['content-type'].startsWith(kind), response.headers['content-type']);
    answers.find((a) => a.response === response).checked = true;
    return response;
}

const PROFILE = {
    Name: 'sdk e2e', MaxStreamingBitrate: 20000000,
    DirectPlayProfiles: [{ Type: 'Video', Container: 'mp4', VideoCodec: 'h264', AudioCodec: 'aac' }],
    TranscodingProfiles: [{ Type: 'Video', Container: 'ts', Protocol: 'hls', VideoCodec: 'h264', AudioCodec: 'aac' }],
};

async function main() {
    const publicInfo = typed('PublicSystemInfo', await getSystemApi(api).getPublicSystemInfo());
    assert.equal(publicInfo.ProductName, 'Jellyfin Server');
    typed('BrandingOptions', await getBrandingApi(api).getBrandingOptions());
    assert.equal(typed('boolean', await getQuickConnectApi(api).getQuickConnectEnabled()), false);

    const auth = typed('AuthenticationResult',
        await api.authenticateUserByName(JELLYFIN_USER, JELLYFIN_PASSWORD));
    assert.ok(api.accessToken);
    const userId = auth.User.Id;
    // (API objects take the token when made: make them after the login.)
    typed('SystemInfo', await getSystemApi(api).getSystemInfo());
    assert.equal(typed('UserDto', await getUserApi(api).getCurrentUser()).Id, userId);
    empty(await getSessionApi(api).postFullCapabilities({
        clientCapabilitiesDto: { PlayableMediaTypes: ['Video'], SupportsMediaControl: false },
    }));

    const views = typed('BaseItemDtoQueryResult', await getUserViewsApi(api).getUserViews({ userId }));
    // One Movies view per library.
    assert.deepEqual(views.Items.map((v) => [v.Name, v.CollectionType]).sort(),
        [['Movies', 'movies'], ['Sequels', 'movies']]);
    const library = views.Items.find((v) => v.Name === 'Movies');
    const sequels = views.Items.find((v) => v.Name === 'Sequels');

    // Display preferences: what the app stores is what it reads back.
    const preferences = getDisplayPreferencesApi(api);
    const prefsOf = { displayPreferencesId: library.Id, userId, client: 'sdk-e2e' };
    const prefs = typed('DisplayPreferencesDto', await preferences.getDisplayPreferences(prefsOf));
    empty(await preferences.updateDisplayPreferences({ ...prefsOf, displayPreferencesDto: {
        ...prefs, SortBy: 'ProductionYear', SortOrder: SortOrder.Descending,
        CustomPrefs: { 'landing-movies': 'favorites' } } }));
    const stored = typed('DisplayPreferencesDto', await preferences.getDisplayPreferences(prefsOf));
    assert.deepEqual([stored.SortBy, stored.SortOrder, stored.CustomPrefs],
        ['ProductionYear', 'Descending', { 'landing-movies': 'favorites' }]);

    const items = getItemsApi(api);
    const list = async (extra) => typed('BaseItemDtoQueryResult', await items.getItems({
        userId, parentId: library.Id, recursive: true, includeItemTypes: [BaseItemKind.Movie],
        fields: [ItemFields.PrimaryImageAspectRatio, ItemFields.Overview, ItemFields.Genres],
        imageTypeLimit: 1, ...extra }));
    for (const sortBy of [ItemSortBy.SortName, ItemSortBy.ProductionYear, ItemSortBy.DateCreated,
        ItemSortBy.CommunityRating, ItemSortBy.Runtime]) {
        for (const sortOrder of [SortOrder.Ascending, SortOrder.Descending]) {
            const names = [];
            for (let startIndex = 0; startIndex < TITLES.length; startIndex += 2) {
                const page = await list({ sortBy: [sortBy, ItemSortBy.SortName], sortOrder: [sortOrder], startIndex, limit: 2 });
                assert.equal(page.TotalRecordCount, TITLES.length);
                names.push(...page.Items.map((i) => i.Name));
            }
            assert.deepEqual([...names].sort(), [...TITLES].sort(), `${sortBy} ${sortOrder}`);
        }
    }
    const byName = Object.fromEntries((await list({})).Items.map((i) => [i.Name, i]));
    const alien = byName.Alien, matrix = byName['The Matrix'];
    // Fields: the overview and genres asked for are there; unasked, a list stays light.
    assert.ok(matrix.Overview && matrix.Genres.includes('Science Fiction'));
    const light = (await list({ fields: undefined })).Items;
    assert.ok(light.every((i) => i.Overview === undefined && i.Genres === undefined
        && i.MediaSources === undefined && i.Path === undefined));
    // Each view holds its own library's movies only.
    assert.deepEqual((await list({ parentId: sequels.Id })).Items.map((i) => i.Name), SEQUEL_TITLES);

    const userLibrary = getUserLibraryApi(api);
    const detail = typed('BaseItemDto', await userLibrary.getItem({ userId, itemId: matrix.Id }));
    assert.equal(detail.ProductionYear, 1999);
    assert.ok(detail.ImageTags.Primary);
    // Alien's trailer and featurette, as local trailers and special features.
    const alienDetail = typed('BaseItemDto', await userLibrary.getItem({ userId, itemId: alien.Id }));
    assert.deepEqual([alienDetail.LocalTrailerCount, alienDetail.SpecialFeatureCount], [1, 1]);
    const trailers = typed('BaseItemDto[]', await userLibrary.getLocalTrailers({ userId, itemId: alien.Id }));
    assert.deepEqual(trailers.map((t) => [t.ExtraType, t.ParentId]), [['Trailer', alien.Id]]);
    const features = typed('BaseItemDto[]', await userLibrary.getSpecialFeatures({ userId, itemId: alien.Id }));
    assert.deepEqual(features.map((f) => [f.Name, f.ExtraType]), [['Making Alien', 'Featurette']]);
    typed('BaseItemDto[]', await userLibrary.getLatestMedia({ userId, parentId: library.Id }));
    typed('BaseItemDtoQueryResult', await getLibraryApi(api).getSimilarItems({ itemId: matrix.Id, userId }));
    typed('BaseItemDtoQueryResult', await getGenresApi(api).getGenres({ userId, parentId: library.Id }));
    typed('QueryFiltersLegacy', await getFilterApi(api).getQueryFiltersLegacy({ userId, parentId: library.Id }));
    typed('QueryFilters', await getFilterApi(api).getQueryFilters({ userId, parentId: library.Id }));
    const hints = typed('SearchHintResult', await getSearchApi(api).getSearchHints({ searchTerm: 'matrix', userId }));
    assert.deepEqual(hints.SearchHints.map((h) => h.Name), ['The Matrix']);
    typed('BaseItemDtoQueryResult', await getPersonsApi(api).getPersons({ userId }));
    typed('BaseItemDtoQueryResult', await getTvShowsApi(api).getNextUp({ userId }));
    binary(await getImageApi(api).getItemImage(
        { itemId: matrix.Id, imageType: ImageType.Primary, maxWidth: 300 },
        { responseType: 'arraybuffer' }), 'image/');

    // Played / unplayed / favourite, and the filters that read them.
    const playstate = getPlaystateApi(api);
    assert.equal(typed('UserItemDataDto', await playstate.markPlayedItem({ itemId: alien.Id, userId })).Played, true);
    assert.deepEqual((await list({ filters: [ItemFilter.IsPlayed] })).Items.map((i) => i.Name), ['Alien']);
    assert.equal(typed('UserItemDataDto', await playstate.markUnplayedItem({ itemId: alien.Id, userId })).Played, false);
    assert.equal(typed('UserItemDataDto', await userLibrary.markFavoriteItem({ itemId: alien.Id, userId })).IsFavorite, true);
    assert.deepEqual((await list({ filters: [ItemFilter.IsFavorite] })).Items.map((i) => i.Name), ['Alien']);
    assert.equal(typed('UserItemDataDto', await userLibrary.unmarkFavoriteItem({ itemId: alien.Id, userId })).IsFavorite, false);

    // Playback: direct for the MP4, our HLS for the Matroska/HEVC one.
    const mediaInfo = getMediaInfoApi(api);
    const info = (itemId) => mediaInfo.getPostedPlaybackInfo({
        itemId, userId, playbackInfoDto: { UserId: userId, DeviceProfile: PROFILE } });
    const direct = typed('PlaybackInfoResponse', await info(alien.Id));
    assert.equal(direct.MediaSources[0].SupportsDirectPlay, true);
    // Jellyfin declares no security on the stream (players fetch it themselves): apps
    // add their token to the URL or header, as we do here.
    const stream = binary(await getVideosApi(api).getVideoStream(
        { itemId: alien.Id, _static: true, mediaSourceId: direct.MediaSources[0].Id, playSessionId: direct.PlaySessionId },
        { responseType: 'arraybuffer', headers: { Range: 'bytes=0-1023', Authorization: api.authorizationHeader } }),
    'video/');
    assert.equal(stream.status, 206);
    assert.equal(stream.data.byteLength, 1024);
    const trailerInfo = typed('PlaybackInfoResponse', await info(trailers[0].Id));
    assert.equal(trailerInfo.MediaSources[0].Id, trailers[0].Id);
    const hls = typed('PlaybackInfoResponse', await info(matrix.Id));
    assert.match(hls.MediaSources[0].TranscodingUrl, /master\.m3u8/);

    const report = { ItemId: alien.Id, PlaySessionId: direct.PlaySessionId,
        MediaSourceId: direct.MediaSources[0].Id, CanSeek: true, IsPaused: false };
    empty(await playstate.reportPlaybackStart({ playbackStartInfo: { ...report, PositionTicks: 0 } }));
    empty(await playstate.reportPlaybackProgress({ playbackProgressInfo: { ...report, PositionTicks: 20000000 } }));
    empty(await playstate.reportPlaybackStopped({ playbackStopInfo: { ...report, PositionTicks: 30000000 } }));
    const resume = typed('BaseItemDtoQueryResult', await items.getResumeItems({ userId }));
    assert.ok(resume.Items.some((i) => i.Id === alien.Id && i.UserData.PlaybackPositionTicks === 30000000));

    const unchecked = answers.filter((a) => !a.checked).map((a) => a.response.config.url);
    assert.deepEqual(unchecked, [], 'answers not checked against a type');
    console.log(JSON.stringify({ checked: answers.length }));
}

main().catch((error) => {
    const detail = error.response ? `${error.response.status} ${error.config?.url} ${JSON.stringify(error.response.data)}` : '';
    console.error(error.stack || error, detail);
    process.exit(1);
});
