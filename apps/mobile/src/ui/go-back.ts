import type { useRouter } from 'expo-router';

type Router = ReturnType<typeof useRouter>;

/** Back to where the owner came from; after a reload or a deep link there is none: Today. */
export const goBack = (router: Router) => (router.canGoBack() ? router.back() : router.navigate('/'));
